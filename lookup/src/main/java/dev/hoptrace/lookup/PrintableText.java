package dev.hoptrace.lookup;

/**
 * Turns free text from a lookup (an AS name, a city) into one line that is safe on a terminal.
 *
 * <p>Such text comes from whoever runs a DNS zone or built a database file, so it may carry escape
 * sequences that retitle or clear a terminal, newlines that forge output lines, bidi controls that
 * reorder what is shown, or megabytes of it. Unlike a host name it may hold spaces, punctuation
 * and letters of any script, so {@link dev.hoptrace.lookup.dns.DnsNames}' closed alphabet does not
 * fit. Here every control, format, private-use, unassigned and separator character other than a
 * plain space becomes a space when it is white space and {@code ?} otherwise; runs of spaces
 * collapse, the ends are trimmed, and the result is cut to a length with {@code ...} marking the
 * cut.
 */
public final class PrintableText {

  /** Marks a cut. */
  static final String ELLIPSIS = "...";

  private PrintableText() {}

  /** The printable form of {@code text}, at most {@code maxLength} code points long. */
  public static String of(String text, int maxLength) {
    if (maxLength <= ELLIPSIS.length()) {
      throw new IllegalArgumentException("maxLength must leave room for text, got " + maxLength);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength) + 4);
    int kept = 0; // code points in out
    boolean cut = false;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int shown = shown(cp);
      if (shown == ' ') {
        pendingSpace = kept > 0;
        continue;
      }
      if (kept + (pendingSpace ? 1 : 0) + 1 > maxLength) {
        cut = true;
        break;
      }
      if (pendingSpace) {
        out.append(' ');
        kept++;
        pendingSpace = false;
      }
      out.appendCodePoint(shown);
      kept++;
    }
    if (cut) {
      // Drop whole code points until the ellipsis fits, then trailing spaces before it.
      while (kept > maxLength - ELLIPSIS.length()) {
        out.setLength(out.offsetByCodePoints(out.length(), -1));
        kept--;
      }
      while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
      out.append(ELLIPSIS);
    }
    return out.toString();
  }

  /** What {@code cp} is shown as: itself, a space, or {@code ?}. */
  private static int shown(int cp) {
    if (cp == ' ' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return ' ';
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
          Character.UNASSIGNED -> '?';
      default -> cp;
    };
  }
}
