package dev.hoptrace.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartViewTest {

  @Test
  void axisStartsBelowTheLowestSampleSoVariationShows() {
    // 30 to 32 ms: the lowest bar a third up, not a block of full bars from 0.
    assertThat(ChartView.floor(List.of(30.0, 32.0, Double.NaN), 32)).isCloseTo(28.4, within(1e-9));
    // A flat line still gets a little room, never a negative axis.
    assertThat(ChartView.floor(List.of(10.0, 10.0), 10)).isCloseTo(9.5, within(1e-9));
    assertThat(ChartView.floor(List.of(0.1, 5.0), 5)).isZero();
    assertThat(ChartView.floor(List.of(Double.NaN), 0)).isZero();
  }
}
