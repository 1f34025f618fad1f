package dev.hoptrace.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void cleanReplacesEveryCharacterThatCouldDriveTheTerminal() {
    assertThat(Text.clean("a\u001b[2Jb")).isEqualTo("a?[2Jb");
    assertThat(Text.clean("tab\there\r\n")).isEqualTo("tab?here??");
    assertThat(Text.clean("c1\u009b31m del\u007f")).isEqualTo("c1?31m del?");
    assertThat(Text.clean("bidi\u202eevil\u200b")).isEqualTo("bidi?evil?");
    assertThat(Text.clean("lone\ud800surrogate")).isEqualTo("lone?surrogate");
    assertThat(Text.clean("bücher.example ▁█ 日本")).isEqualTo("bücher.example ▁█ 日本");
  }

  @Test
  void widthCountsTerminalColumns() {
    assertThat(Text.width("abc")).isEqualTo(3);
    assertThat(Text.width("日本")).isEqualTo(4);
    assertThat(Text.width("▁▂×…")).isEqualTo(4);
  }

  @Test
  void shortenEndsInAnEllipsisAndNeverSplitsAWideCharacter() {
    assertThat(Text.shorten("core1.transit.example.net", 10, Glyphs.UNICODE)).isEqualTo("core1.tra…");
    assertThat(Text.shorten("core1.transit.example.net", 10, Glyphs.ASCII)).isEqualTo("core1.tra~");
    assertThat(Text.shorten("short", 10, Glyphs.UNICODE)).isEqualTo("short");
    assertThat(Text.shorten("日本日本日本", 6, Glyphs.UNICODE)).isEqualTo("日本…");
    assertThat(Text.width(Text.shorten("日本日本日本", 6, Glyphs.UNICODE))).isLessThanOrEqualTo(6);
  }

  @Test
  void leftAndRightPadToTheWidth() {
    assertThat(Text.left("ab", 5, Glyphs.UNICODE)).isEqualTo("ab   ");
    assertThat(Text.right("1.5", 6)).isEqualTo("   1.5");
  }

  @Test
  void wrapBreaksAtSpacesAndCutsOverlongWords() {
    assertThat(Text.wrap("the router limits its ICMP replies", 12))
        .containsExactly("the router", "limits its", "ICMP replies");
    assertThat(Text.wrap("abcdefghij xy", 4)).containsExactly("abcd", "efgh", "ij", "xy");
  }
}
