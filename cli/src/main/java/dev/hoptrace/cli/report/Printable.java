package dev.hoptrace.cli.report;

/**
 * Makes text safe for a terminal and a CSV field. Reverse names are sanitised by the resolver
 * already, but the user's host name, messages and whatever a future resolver returns pass here
 * too, so no output line can be forged, recoloured or reordered.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every control, format (bidi, zero-width), separator or lone surrogate
   *  character replaced by '?'. */
  public static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.appendCodePoint(unsafe(cp) ? '?' : cp));
    return out.toString();
  }

  private static boolean unsafe(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }
}
