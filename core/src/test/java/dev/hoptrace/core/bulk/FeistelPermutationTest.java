package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeistelPermutationTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 255, 256, 257, 1000, 65_537})
  void everyElementExactlyOnce(int n) {
    FeistelPermutation p = new FeistelPermutation(n, 7);
    BitSet seen = new BitSet(n);
    for (int i = 0; i < n; i++) {
      long x = p.at(i);
      assertThat(x).isBetween(0L, n - 1L);
      assertThat(seen.get((int) x)).as("element %d twice", x).isFalse();
      seen.set((int) x);
    }
    assertThat(seen.cardinality()).isEqualTo(n);
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 10_000})
  void neighboursInTheListAreNotNeighboursInTheOrder(int n) {
    // A /24 walked in order would hit one subnet's router back to back; permuted, consecutive
    // positions land in the same block of 16 no more often than chance (1 in 16) allows.
    FeistelPermutation p = new FeistelPermutation(n, 11);
    int sameBlock = 0;
    for (int i = 1; i < n; i++) {
      if (p.at(i) / 16 == p.at(i - 1) / 16) {
        sameBlock++;
      }
    }
    assertThat(sameBlock).isLessThan(n / 8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void theSeedChangesTheOrder(long seed) {
    FeistelPermutation a = new FeistelPermutation(1000, seed);
    FeistelPermutation b = new FeistelPermutation(1000, seed + 100);
    int same = 0;
    for (int i = 0; i < 1000; i++) {
      if (a.at(i) == b.at(i)) {
        same++;
      }
    }
    assertThat(same).isLessThan(20);
  }
}
