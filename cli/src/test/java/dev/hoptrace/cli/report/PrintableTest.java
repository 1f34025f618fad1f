package dev.hoptrace.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

  @Test
  void controlsFormatCharactersAndLoneSurrogatesBecomeQuestionMarks() {
    assertThat(Printable.clean("a\u001b[2Jb\r\n\u0085\u202eC\u200bd\ud800e\u2028"))
        .isEqualTo("a?[2Jb????C?d?e?");
  }

  @Test
  void printableTextIncludingPairedSurrogatesPassesUnchanged() {
    String text = "r1.lab, \"core\" ü \ud83d\ude80 - ok";
    assertThat(Printable.clean(text)).isEqualTo(text);
  }
}
