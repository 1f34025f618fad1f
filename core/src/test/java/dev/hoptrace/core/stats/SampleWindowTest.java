package dev.hoptrace.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWindowTest {

  @Test
  void emptyWindowHasNoSamples() {
    assertThat(new SampleWindow(3).snapshot()).isEmpty();
  }

  @Test
  void partlyFilledWindowIsOldestFirst() {
    SampleWindow window = new SampleWindow(4);
    window.add(1);
    window.add(Double.NaN);
    window.add(3);

    assertThat(window.snapshot()).containsExactly(1.0, Double.NaN, 3.0);
  }

  @Test
  void keepsExactlyTheNewestSamples() {
    SampleWindow window = new SampleWindow(HopStatistics.WINDOW);
    int total = 3 * HopStatistics.WINDOW + 7;
    for (int i = 0; i < total; i++) {
      window.add(i);
    }

    List<Double> expected = new ArrayList<>();
    for (int i = total - HopStatistics.WINDOW; i < total; i++) {
      expected.add((double) i);
    }
    assertThat(window.snapshot()).containsExactlyElementsOf(expected);
  }

  @Test
  void wrapsAtEveryFillLevel() {
    for (int total = 0; total <= 9; total++) {
      SampleWindow window = new SampleWindow(4);
      List<Double> expected = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        window.add(i);
        expected.add((double) i);
      }
      List<Double> newest = expected.subList(Math.max(0, total - 4), total);
      assertThat(window.snapshot()).as("after %d samples", total).containsExactlyElementsOf(newest);
    }
  }

  @Test
  void snapshotIsImmutableAndDetached() {
    SampleWindow window = new SampleWindow(2);
    window.add(1);
    List<Double> before = window.snapshot();
    window.add(2);

    assertThat(before).containsExactly(1.0);
    assertThatThrownBy(() -> before.add(5.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resetEmptiesTheWindow() {
    SampleWindow window = new SampleWindow(2);
    window.add(1);
    window.add(2);
    window.reset();
    window.add(9);

    assertThat(window.snapshot()).containsExactly(9.0);
  }

  @Test
  void rejectsAnEmptyRing() {
    assertThatThrownBy(() -> new SampleWindow(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
