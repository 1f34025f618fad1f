package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long MS = 1_000_000L;

  @Test
  void fullBurstThenOneTokenPerIntervalAndNeverMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(2, 3, 0); // 2/s, burst 3

    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.take(0)).as("burst spent").isFalse();
    assertThat(bucket.take(499 * MS)).as("not yet a whole token").isFalse();
    assertThat(bucket.take(500 * MS)).isTrue();
    assertThat(bucket.take(500 * MS)).isFalse();

    // An hour idle refills only up to the burst.
    long later = 3_600_000 * MS;
    int passed = 0;
    for (int i = 0; i < 10; i++) {
      passed += bucket.take(later) ? 1 : 0;
    }
    assertThat(passed).isEqualTo(3);
  }
}
