package dev.hoptrace.cli.live;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** The key list, drawn as a reverse-video panel over the middle of the screen. */
final class HelpView {
  private static final AttributedStyle PANEL = AttributedStyle.INVERSE;
  private static final AttributedStyle PANEL_KEY = AttributedStyle.DEFAULT.inverse().bold();

  private HelpView() {}

  static List<String[]> entries(Glyphs glyphs) {
    return List.of(
        new String[] {"q, Ctrl-C", "quit"},
        new String[] {"p / P", "pause or resume this target / every target"},
        new String[] {"r / R", "reset the statistics of this target / every target"},
        new String[] {"Tab n " + (glyphs == Glyphs.UNICODE ? "→" : "Right"),
            "next target; Shift-Tab, N, " + (glyphs == Glyphs.UNICODE ? "←" : "Left") + ": previous"},
        new String[] {"v", "next view: table, RTT chart, hop detail"},
        new String[] {"j", "RTT columns / jitter and forward-backward loss columns"},
        new String[] {"d", "host names / addresses"},
        new String[] {"z", "AS numbers column on / off (with -A or --asn-db)"},
        new String[] {glyphs.up() + " " + glyphs.down(), "select a hop (chart and detail show it)"},
        new String[] {glyphs.enter(), "unfold the selected hop when the table is folded"},
        new String[] {"Esc", "back to the table"},
        new String[] {"h, ?", "this help; any key closes it"},
        new String[] {"", ""},
        new String[] {"RTT", "bars scaled to the hop's largest RTT; " + glyphs.lost() + " = lost"},
        new String[] {"Loss history", "the sample window in cells, darker = more lost"},
        new String[] {"Floss/Bloss", "lost probes after which the whole path went quiet /"},
        new String[] {"", "lost in a round that already had such loss"});
  }

  /** {@code screen} with the panel over its middle; lines under the panel keep their edges. */
  static List<AttributedString> over(List<AttributedString> screen, Glyphs glyphs, int width) {
    List<String[]> entries = entries(glyphs);
    int keyWidth = 0;
    int textWidth = 0;
    for (String[] e : entries) {
      keyWidth = Math.max(keyWidth, Text.width(e[0]));
      textWidth = Math.max(textWidth, Text.width(e[1]));
    }
    int panelWidth = Math.min(width, 2 + keyWidth + 2 + textWidth + 2);
    List<AttributedString> panel = new ArrayList<>();
    panel.add(row(" hoptrace live: keys", panelWidth, PANEL_KEY));
    panel.add(row("", panelWidth, PANEL));
    for (String[] e : entries) {
      Line line = new Line().add("  " + Text.left(e[0], keyWidth, glyphs) + "  ", PANEL_KEY)
          .add(e[1], PANEL);
      panel.add(pad(line, panelWidth));
    }
    panel.add(row("", panelWidth, PANEL));
    int top = Math.max(0, (screen.size() - panel.size()) / 2);
    int left = Math.max(0, (width - panelWidth) / 2);
    List<AttributedString> out = new ArrayList<>(screen);
    for (int i = 0; i < panel.size() && top + i < out.size(); i++) {
      AttributedString under = out.get(top + i);
      Line line = new Line();
      line.add(under.columnLength() > left ? under.columnSubSequence(0, left) : under);
      line.padTo(left).add(panel.get(i));
      if (under.columnLength() > left + panelWidth) {
        line.add(under.columnSubSequence(left + panelWidth, under.columnLength()));
      }
      out.set(top + i, line.build());
    }
    return out;
  }

  private static AttributedString row(String text, int width, AttributedStyle style) {
    return pad(new Line().add(text, style), width);
  }

  private static AttributedString pad(Line line, int width) {
    AttributedString s = line.build();
    if (s.columnLength() > width) {
      return s.columnSubSequence(0, width);
    }
    return new Line().add(s).add(" ".repeat(width - s.columnLength()), PANEL).build();
  }
}
