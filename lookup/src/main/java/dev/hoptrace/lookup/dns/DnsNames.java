package dev.hoptrace.lookup.dns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xbill.DNS.Name;

/**
 * Turns whatever a PTR record says into text that is safe on a terminal and in a CSV field.
 *
 * <p>A PTR target is chosen by whoever runs the reverse zone, so it may carry escape sequences
 * that retitle or clear a terminal, newlines that forge output lines, bidi controls that reorder
 * what is shown, or bytes that are not UTF-8 at all. The output alphabet is therefore closed: ASCII
 * letters, digits, {@code - _ * /}, the dot between labels, and {@code \DDD} escapes (DNS
 * presentation format, RFC 1035 5.1, the form {@code dig} and dnsjava print) for every other byte.
 * A plain LDH host name passes through unchanged.
 *
 * <p>Input is expected in DNS presentation format, which is what dnsjava's {@link Name#toString()}
 * gives: {@code \DDD} and {@code \X} are read as escapes and an unescaped dot separates labels.
 * Raw text is accepted too: each character outside the alphabet is escaped byte by byte as UTF-8,
 * so the result is the same as for the wire name with those bytes. The only cost for raw text is
 * that a backslash starts an escape; the output is safe either way.
 */
public final class DnsNames {

  /** Longest output, ellipsis included: the longest presentable host name (RFC 1035 2.3.4). */
  public static final int MAX_LENGTH = 253;

  /** Marks a cut name; three dots cannot occur in a real name, whose labels are never empty. */
  static final String ELLIPSIS = "...";

  /** A label separator in the parsed form; every other value is a byte 0..255. */
  private static final int SEPARATOR = -1;

  /** Input beyond this yields more than MAX_LENGTH output characters anyway, so it is not read. */
  private static final int MAX_INPUT = 4 * MAX_LENGTH + 8;

  private DnsNames() {}

  /** The sanitised form of a dnsjava name, without the trailing dot. */
  public static String sanitise(Name name) {
    return sanitise(name.toString(true));
  }

  /**
   * The sanitised form of a name in presentation format (or raw text): closed alphabet, no
   * trailing dot, at most {@link #MAX_LENGTH} characters with {@code ...} marking a cut.
   */
  public static String sanitise(String name) {
    boolean inputCut = name.length() > MAX_INPUT;
    int[] units = parse(inputCut ? name.substring(0, MAX_INPUT) : name);
    int count = units.length;
    while (!inputCut && count > 0 && units[count - 1] == SEPARATOR) {
      count--; // the root label: "example.com." and "example.com" are the same name
    }
    StringBuilder out = new StringBuilder(Math.min(count, MAX_LENGTH) + 8);
    int lastFit = 0; // output length at the last unit boundary that leaves room for the ellipsis
    for (int i = 0; i < count && out.length() <= MAX_LENGTH; i++) {
      appendUnit(out, units[i], i == 0);
      if (out.length() <= MAX_LENGTH - ELLIPSIS.length()) {
        lastFit = out.length();
      }
    }
    if (inputCut || out.length() > MAX_LENGTH) {
      out.setLength(lastFit);
      while (!out.isEmpty() && out.charAt(out.length() - 1) == '.') {
        out.setLength(out.length() - 1); // a separator; an escape never ends in a dot
      }
      out.append(ELLIPSIS);
    }
    return out.toString();
  }

  /** Splits presentation-format text into separators and label bytes. */
  private static int[] parse(String text) {
    int[] units = new int[text.length() * 4]; // a char is at most 4 UTF-8 bytes
    int n = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        units[n++] = SEPARATOR;
        i++;
      } else if (c == '\\' && decimalEscape(text, i + 1) >= 0) {
        units[n++] = decimalEscape(text, i + 1); // \DDD: one byte, RFC 1035 5.1
        i += 4;
      } else if (c == '\\' && i + 1 < text.length()) {
        int cp = text.codePointAt(i + 1); // \X: X itself, including "\." inside a label
        n = appendUtf8(units, n, cp);
        i += 1 + Character.charCount(cp);
      } else {
        int cp = text.codePointAt(i); // includes a lone trailing backslash
        n = appendUtf8(units, n, cp);
        i += Character.charCount(cp);
      }
    }
    return Arrays.copyOf(units, n);
  }

  /** The byte value of three decimal digits at {@code at}, or -1 if they are not there. */
  private static int decimalEscape(String text, int at) {
    if (at + 3 > text.length()) {
      return -1;
    }
    int value = 0;
    for (int k = at; k < at + 3; k++) {
      char d = text.charAt(k);
      if (d < '0' || d > '9') {
        return -1;
      }
      value = value * 10 + (d - '0');
    }
    return value <= 255 ? value : -1;
  }

  private static int appendUtf8(int[] units, int n, int codePoint) {
    // A lone surrogate is not encodable; U+FFFD keeps its place visible instead of dropping it.
    int cp = Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 0xFFFD : codePoint;
    for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
      units[n++] = b & 0xFF;
    }
    return n;
  }

  private static void appendUnit(StringBuilder out, int unit, boolean first) {
    if (unit == SEPARATOR) {
      out.append('.');
    } else if (isPlain(unit) && !(first && unit == '-')) {
      // A leading '-' (like '=', '+', '@', which are escaped anyway) starts a spreadsheet formula.
      out.append((char) unit);
    } else {
      out.append('\\').append((char) ('0' + unit / 100)).append((char) ('0' + unit / 10 % 10))
          .append((char) ('0' + unit % 10));
    }
  }

  private static boolean isPlain(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
        || b == '-' || b == '_' || b == '*' || b == '/';
  }
}
