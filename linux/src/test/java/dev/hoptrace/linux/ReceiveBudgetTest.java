package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveBudgetTest {
  /** Linux's default net.core.rmem_max (212992), doubled as the kernel grants it. */
  private static final int DEFAULT_GRANT = 2 * 212_992;

  @Test
  void smallProbesFitEveryWindowTheOptionsAllow() {
    // -N is at most 255 probes; their errors (a small probe quoted) cost 1 KiB each.
    assertThat(ReceiveBudget.window(DEFAULT_GRANT, 60, true)).isEqualTo(416);
    assertThat(ReceiveBudget.window(DEFAULT_GRANT, 60, false)).isEqualTo(416);
  }

  @Test
  void longEchoRepliesShrinkThePingWindowButErrorsAreCappedByTheirQuote() {
    // A 30000-byte echo reply arrives as 21 fragments of 2304 bytes each in the kernel's books.
    assertThat(ReceiveBudget.window(DEFAULT_GRANT, 30_000, true)).isEqualTo(8);
    // An error quotes at most 1280 bytes, however long the probe.
    assertThat(ReceiveBudget.window(DEFAULT_GRANT, 30_000, false)).isEqualTo(184);
  }

  @Test
  void aTinyBufferStillLetsOneProbeOut() {
    assertThat(ReceiveBudget.window(2304, 30_000, true)).isEqualTo(1);
  }
}
