package dev.hoptrace.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void saysDoneOfTotalRatesAndTimeLeft() {
    try (ProgressLine progress = new ProgressLine(new PrintStream(new ByteArrayOutputStream()),
        1000, () -> 0, () -> 0, () -> 0)) {
      // 250 done in 30 s: 750 left at the same pace take 90 s.
      assertThat(progress.line(250, 4998.4, 4870.2, 30)).isEqualTo(
          "[#####               ] 250/1000 destinations  4998 probes/s  4870 replies/s  ETA 1m30s");
      assertThat(progress.line(0, 100, 0, 2)).endsWith("ETA --");
      assertThat(progress.line(10, 1, 1, 3600)).endsWith("ETA 99h00m");
    }
  }
}
