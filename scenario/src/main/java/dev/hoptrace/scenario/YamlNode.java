package dev.hoptrace.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value read from a scenario file, with the path that leads to it ({@code nodes[3].icmp}) so that
 * every error says where the file is wrong.
 */
final class YamlNode {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*s");

  final String path;
  final Object value;

  YamlNode(String path, Object value) {
    this.path = path;
    this.value = value;
  }

  ScenarioException error(String message) {
    return new ScenarioException(path + ": " + message);
  }

  boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  /** The members of a map, refusing keys outside {@code allowed} (typos would pass unnoticed). */
  Map<String, YamlNode> map(Set<String> allowed) {
    if (!(value instanceof Map<?, ?> m)) {
      throw error("expected a mapping, got " + describe());
    }
    Map<String, YamlNode> members = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!allowed.contains(key)) {
        throw error("unknown key '" + key + "' (known: " + String.join(", ", allowed) + ")");
      }
      members.put(key, new YamlNode(path + "." + key, e.getValue()));
    }
    return members;
  }

  List<YamlNode> list() {
    if (!(value instanceof List<?> l)) {
      throw error("expected a list, got " + describe());
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      items.add(new YamlNode(path + "[" + i + "]", l.get(i)));
    }
    return items;
  }

  String text() {
    if (value instanceof String s) {
      return s.trim();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw error("expected text, got " + describe());
  }

  long integer(long min, long max) {
    long n;
    if (value instanceof Integer || value instanceof Long) {
      n = ((Number) value).longValue();
    } else {
      throw error("expected a whole number, got " + describe());
    }
    if (n < min || n > max) {
      throw error(n + " is out of range " + min + ".." + max);
    }
    return n;
  }

  /** {@code 5ms}, {@code 1.5 s}, {@code 250us}; a bare number is milliseconds. */
  Duration duration() {
    if (value instanceof Number n) {
      return Duration.ofNanos(Math.round(n.doubleValue() * 1e6));
    }
    Matcher m = DURATION.matcher(text());
    if (!m.matches()) {
      throw error("expected a duration such as 5ms, 1.5s or 250us, got '" + text() + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    double nanos = switch (m.group(2)) {
      case "us" -> amount * 1e3;
      case "ms" -> amount * 1e6;
      default -> amount * 1e9;
    };
    return Duration.ofNanos(Math.round(nanos));
  }

  /** {@code 2%} or a fraction {@code 0.02}. */
  double fraction() {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    Matcher m = PERCENT.matcher(text());
    if (!m.matches()) {
      throw error("expected a percentage such as 2% or a fraction such as 0.02, got '" + text() + "'");
    }
    return Double.parseDouble(m.group(1)) / 100;
  }

  /** {@code 10/s}. */
  double ratePerSecond() {
    Matcher m = RATE.matcher(text());
    if (!m.matches()) {
      throw error("expected a rate such as 10/s, got '" + text() + "'");
    }
    return Double.parseDouble(m.group(1));
  }

  /** One of {@code choices}, matched on its lower-case, dashed spelling. */
  <E extends Enum<E>> E choice(Class<E> type, Map<String, E> choices) {
    E e = choices.get(text().toLowerCase(java.util.Locale.ROOT));
    if (e == null) {
      throw error("expected one of " + String.join(", ", choices.keySet()) + ", got '" + text() + "'");
    }
    return e;
  }

  private String describe() {
    return value == null ? "nothing" : value instanceof Map ? "a mapping"
        : value instanceof List ? "a list" : "'" + value + "'";
  }
}
