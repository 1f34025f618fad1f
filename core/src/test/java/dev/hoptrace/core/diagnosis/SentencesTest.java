package dev.hoptrace.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void wholePercentagesHaveNoDecimals() {
    assertThat(Sentences.percent(PathFixture.snapshot(1, 10, 6, "", false))).isEqualTo("40%");
    assertThat(Sentences.percent(PathFixture.snapshot(1, 10, 10, "", false))).isEqualTo("0%");
  }

  @Test
  void otherPercentagesHaveOne() {
    assertThat(Sentences.percent(PathFixture.snapshot(1, 3, 2, "", false))).isEqualTo("33.3%");
    assertThat(Sentences.percent(PathFixture.snapshot(1, 200, 199, "", false))).isEqualTo("0.5%");
  }
}
