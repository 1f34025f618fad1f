package dev.hoptrace.cli.render;

/**
 * Builds one JSON document. Small on purpose: hoptrace's output is a handful of objects and arrays,
 * and escaping (RFC 8259 §7) is the only part that needs care, since names come from strangers.
 * Public so that every JSON output (trace, report) escapes the same way.
 */
public final class JsonWriter {
  /** Room for a typical trace object at once, so a bulk run's lines are not grown from 16. */
  private final StringBuilder out = new StringBuilder(1024);
  private boolean needComma;

  public JsonWriter beginObject() {
    separate();
    out.append('{');
    needComma = false;
    return this;
  }

  public JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  public JsonWriter beginArray() {
    separate();
    out.append('[');
    needComma = false;
    return this;
  }

  public JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes a member name; the next value call writes its value. */
  public JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  public JsonWriter value(String s) {
    separate();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  public JsonWriter value(long n) {
    separate();
    out.append(n);
    needComma = true;
    return this;
  }

  public JsonWriter value(boolean b) {
    separate();
    out.append(b);
    needComma = true;
    return this;
  }

  /** A number, or null when NaN (JSON has no NaN). */
  public JsonWriter value(double d) {
    separate();
    out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    needComma = true;
    return this;
  }

  public JsonWriter nullValue() {
    separate();
    out.append("null");
    needComma = true;
    return this;
  }

  private void separate() {
    if (needComma) {
      out.append(',');
      needComma = false;
    }
  }

  private void string(String s) {
    out.append('"');
    if (plain(s)) { // most names and values: copied whole, not char by char
      out.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** True when no character of {@code s} needs escaping. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** A lone surrogate is not valid UTF-8 on output; escaped, it survives intact. */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
