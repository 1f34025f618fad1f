package dev.hoptrace.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

  @Test
  void ordinaryNamesPassUnchanged() {
    assertThat(PrintableText.of("GOOGLE - Google LLC, US", 100)).isEqualTo("GOOGLE - Google LLC, US");
    assertThat(PrintableText.of("São Paulo", 100)).isEqualTo("São Paulo");
    assertThat(PrintableText.of("東京都", 100)).isEqualTo("東京都");
  }

  @Test
  void controlsBecomeQuestionMarksAndWhiteSpaceOneSpace() {
    assertThat(PrintableText.of("a\u001b[31mb\u0007c", 100)).isEqualTo("a?[31mb?c");
    assertThat(PrintableText.of("  line\r\nforged\t\u2028x\u00a0 ", 100))
        .isEqualTo("line forged x");
    assertThat(PrintableText.of("left\u202eright\u200b\ufeff\u0000", 100))
        .isEqualTo("left?right???");
    assertThat(PrintableText.of("\ue000\udc00", 100)).isEqualTo("??");
  }

  @Test
  void longTextIsCutAtWholeCodePointsWithAnEllipsis() {
    assertThat(PrintableText.of("abcdefghij", 10)).isEqualTo("abcdefghij");
    assertThat(PrintableText.of("abcdefghijk", 10)).isEqualTo("abcdefg...");
    assertThat(PrintableText.of("abcdef ghijk", 10)).isEqualTo("abcdef...");
    assertThat(PrintableText.of("😀".repeat(20), 10)).isEqualTo("😀".repeat(7) + "...");
    assertThat(PrintableText.of("x".repeat(1_000_000), 64)).hasSize(64).endsWith("...");
  }
}
