package dev.hoptrace.cli;

import java.util.Locale;

/** Converters from option text to values, each failing with a {@link BadValue} that quotes it. */
final class Values {
  private Values() {}

  /** A decimal integer; ranges are checked where the value is used (the request, one place). */
  static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      boolean digits = !text.isBlank() && text.strip().matches("[+-]?\\d+");
      throw new BadValue("'" + text + "' is " + (digits ? "too large" : "not a whole number"));
    }
  }

  /** A finite decimal number such as {@code 0.5}. */
  static double decimal(String text) {
    try {
      double d = Double.parseDouble(text.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // the message below says it better than "For input string"
    }
    throw new BadValue("'" + text + "' is not a number");
  }

  /** The constant named {@code text}, ignoring case: {@code RAW} as well as {@code raw}. */
  static <E extends Enum<E>> E oneOf(String text, E[] constants) {
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(text.strip())) {
        return constant;
      }
    }
    throw new BadValue("'" + text + "' is not one of " + names(constants));
  }

  /** The constants as users type them: {@code auto, raw, unprivileged}. */
  static String names(Enum<?>[] constants) {
    StringBuilder s = new StringBuilder();
    for (Enum<?> constant : constants) {
      s.append(s.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }
}
