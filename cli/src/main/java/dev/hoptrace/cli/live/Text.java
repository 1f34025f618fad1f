package dev.hoptrace.cli.live;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * Plain-text helpers for the screen: every string that reaches the terminal passes {@link #clean}
 * first, and widths are terminal columns (a CJK character takes two), not chars.
 */
final class Text {
  /** What a character that must not reach the terminal becomes. */
  static final char REPLACEMENT = '?';

  private Text() {}

  /**
   * {@code s} with every control, format (bidi overrides), unassigned or lone surrogate character
   * replaced: a reverse name or an error message must never move the cursor or restyle the screen.
   */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!printable(cp)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(REPLACEMENT);
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? s : out.toString();
  }

  static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
           Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE -> false;
      default -> WCWidth.wcwidth(cp) >= 0;
    };
  }

  /** Terminal columns of {@code s} (already clean). */
  static int width(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      width += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return width;
  }

  /** The longest prefix of {@code s} that fits in {@code columns}. */
  static String take(String s, int columns) {
    int width = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (width + w > columns) {
        return s.substring(0, i);
      }
      width += w;
      i += Character.charCount(cp);
    }
    return s;
  }

  /** {@code s} cut to {@code columns}, ending in an ellipsis when something was cut. */
  static String shorten(String s, int columns, Glyphs glyphs) {
    if (columns <= 0) {
      return "";
    }
    if (width(s) <= columns) {
      return s;
    }
    String ellipsis = glyphs.ellipsis();
    return take(s, columns - width(ellipsis)) + ellipsis;
  }

  /** {@code s} shortened or padded with spaces to exactly {@code columns}, left-aligned. */
  static String left(String s, int columns, Glyphs glyphs) {
    String cut = shorten(s, columns, glyphs);
    return cut + " ".repeat(Math.max(0, columns - width(cut)));
  }

  /** {@code s} padded on the left to {@code columns}; numbers are formatted to fit beforehand. */
  static String right(String s, int columns) {
    String cut = take(s, columns);
    return " ".repeat(Math.max(0, columns - width(cut))) + cut;
  }

  /** Word-wraps {@code s} into lines of at most {@code columns}; over-long words are cut. */
  static List<String> wrap(String s, int columns) {
    List<String> lines = new ArrayList<>();
    if (columns <= 0) {
      return lines;
    }
    StringBuilder line = new StringBuilder();
    for (String word : s.trim().split("\\s+")) {
      while (width(word) > columns) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String head = take(word, columns);
        lines.add(head);
        word = word.substring(head.length());
      }
      if (word.isEmpty()) {
        continue;
      }
      if (!line.isEmpty() && width(line.toString()) + 1 + width(word) > columns) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
