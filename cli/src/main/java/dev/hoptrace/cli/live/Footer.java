package dev.hoptrace.cli.live;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/** The bottom line: the keys that matter most, as many as fit, help always last. */
final class Footer {
  private record Hint(String key, String what) {
    int width() {
      return Text.width(key) + 1 + Text.width(what) + 2;
    }
  }

  private Footer() {}

  /** @param asns whether there are AS numbers for {@code z} to show */
  static AttributedString line(ViewState state, int targets, boolean asns, Glyphs glyphs,
      int width) {
    List<Hint> hints = new ArrayList<>();
    hints.add(new Hint("q", "quit"));
    hints.add(new Hint("p", "pause"));
    hints.add(new Hint("r", "reset"));
    hints.add(new Hint("v", state.view().next().title()));
    if (targets > 1) {
      hints.add(new Hint("Tab", "target"));
    }
    hints.add(new Hint("j", state.columns() == ColumnSet.DEFAULT ? "jitter" : "rtt"));
    hints.add(new Hint("d", state.dns() ? "addresses" : "names"));
    if (asns) {
      hints.add(new Hint("z", state.asn() ? "no AS" : "AS"));
    }
    hints.add(new Hint(glyphs.up() + glyphs.down(), "hop"));
    hints.add(new Hint(glyphs.enter(), "expand"));
    Hint help = new Hint("?", "help");
    Line line = new Line();
    int used = 0;
    for (Hint hint : hints) {
      if (used + hint.width() + help.width() > width) {
        break;
      }
      add(line, hint);
      used += hint.width();
    }
    add(line, help);
    return line.build();
  }

  private static void add(Line line, Hint hint) {
    line.add(hint.key(), Styles.KEY).add(" " + hint.what() + "  ", Styles.DIM);
  }
}
