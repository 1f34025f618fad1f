package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.WaitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionConvertersTest {

  @Test
  void bareWaitIsFixedAndTripleAdapts() {
    WaitPolicy bare = new WaitOption().convert("2.5");
    assertThat(bare.max()).isEqualTo(Duration.ofMillis(2500));
    assertThat(bare.fixed()).isTrue();

    WaitPolicy triple = new WaitOption().convert("5,3,10");
    assertThat(triple.max()).isEqualTo(Duration.ofSeconds(5));
    assertThat(triple.here()).isEqualTo(3.0);
    assertThat(triple.near()).isEqualTo(10.0);
    assertThat(triple.fixed()).isFalse();
  }

  @Test
  void sendWaitAboveTenIsMilliseconds() {
    assertThat(new SendWaitOption().convert("0.5")).isEqualTo(Duration.ofMillis(500));
    assertThat(new SendWaitOption().convert("10")).isEqualTo(Duration.ofSeconds(10));
    assertThat(new SendWaitOption().convert("50")).isEqualTo(Duration.ofMillis(50));
  }
}
