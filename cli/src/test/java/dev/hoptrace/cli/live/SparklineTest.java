package dev.hoptrace.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
  private static final double LOST = Double.NaN;

  @Test
  void barsScaleToTheMaximumAndLostSamplesAreMarked() {
    String line = Sparkline.of(List.of(1.0, 2.0, LOST, 4.0, 8.0), 5, 8.0, Glyphs.UNICODE).toString();
    assertThat(line).isEqualTo("▁▂×▄█");
  }

  @Test
  void newestSamplesAreOnTheRightAndFewSamplesLeaveTheLeftBlank() {
    assertThat(Sparkline.of(List.of(8.0, 8.0), 4, 8.0, Glyphs.UNICODE).toString())
        .isEqualTo("  ██");
    assertThat(Sparkline.of(List.of(1.0, 8.0, 8.0, 1.0), 2, 8.0, Glyphs.UNICODE).toString())
        .isEqualTo("█▁");
  }

  @Test
  void anyReplyShowsAtLeastTheLowestBar() {
    assertThat(Sparkline.level(0.001, 100, 8)).isZero();
    assertThat(Sparkline.level(100, 100, 8)).isEqualTo(7);
    assertThat(Sparkline.level(5, 0, 8)).isZero();
  }

  @Test
  void asciiHasItsOwnMarks() {
    assertThat(Sparkline.of(List.of(1.0, LOST, 8.0), 3, 8.0, Glyphs.ASCII).toString())
        .isEqualTo("_x#");
  }

  @Test
  void lossStripShadesEachCellByItsShareOfLostSamples() {
    List<Double> samples = List.of(1.0, 1.0, 1.0, 1.0, LOST, 1.0, 1.0, LOST, LOST, LOST, LOST, LOST);
    // Four cells of three samples: none, one, two, three lost.
    assertThat(Sparkline.lossStrip(samples, 4, Glyphs.UNICODE).toString()).isEqualTo("·░▒█");
    assertThat(Sparkline.lossStrip(List.of(LOST), 4, Glyphs.UNICODE).toString()).isEqualTo("   █");
  }
}
