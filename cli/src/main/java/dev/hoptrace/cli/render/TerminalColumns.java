package dev.hoptrace.cli.render;

import org.jline.utils.WCWidth;

/**
 * How many terminal columns text takes: what aligns a table, where {@code String.length()} counts
 * UTF-16 units. An ideograph takes two columns, a combining accent none (wcwidth(3)); text that
 * reaches here has had its control characters replaced already.
 */
public final class TerminalColumns {
  private TerminalColumns() {}

  public static int of(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      columns += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return columns;
  }
}
