package dev.hoptrace.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossComparisonTest {

  @Test
  void fortyPercentOfTenIsClearlyAboveNone() {
    // pooled 0.2, standard error sqrt(0.16 · 0.2) = 0.179, two of them 0.358 < 0.4
    assertThat(LossComparison.clearlyLower(0, 10, 4, 10)).isTrue();
  }

  @Test
  void thirtyPercentOfTenIsNot() {
    // pooled 0.15, standard error 0.160, two of them 0.319 > 0.3
    assertThat(LossComparison.clearlyLower(0, 10, 3, 10)).isFalse();
    assertThat(LossComparison.clearlyLower(0, 10, 1, 10)).isFalse();
  }

  @Test
  void moreProbesResolveSmallerDifferences() {
    // pooled 0.175, standard error 0.0537, two of them 0.107 < 0.15
    assertThat(LossComparison.clearlyLower(10, 100, 25, 100)).isTrue();
    assertThat(LossComparison.clearlyLower(1, 10, 3, 10)).isFalse();
  }

  @Test
  void equalOrReversedIsNeverLower() {
    assertThat(LossComparison.clearlyLower(0, 10, 0, 10)).isFalse();
    assertThat(LossComparison.clearlyLower(10, 10, 10, 10)).isFalse();
    assertThat(LossComparison.clearlyLower(8, 10, 0, 10)).isFalse();
  }

  @Test
  void comparableNeedsEnoughProbesAndAReply() {
    assertThat(LossComparison.comparable(PathFixture.snapshot(1, 5, 1, "", false))).isTrue();
    assertThat(LossComparison.comparable(PathFixture.snapshot(1, 4, 4, "", false))).isFalse();
    assertThat(LossComparison.comparable(PathFixture.snapshot(1, 10, 0, "", false))).isFalse();
  }
}
