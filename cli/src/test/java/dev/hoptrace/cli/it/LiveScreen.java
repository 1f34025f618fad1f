package dev.hoptrace.cli.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person reads off a captured {@code hoptrace live} screen: the header's target and round,
 * the table's hop rows, the diagnosis bullets, the key hints. Only text, as tmux shows it.
 */
record LiveScreen(List<String> lines) {
  /** A table row: {@code "  3 r3            54.3%    35 ..."}. */
  record HopRow(int ttl, String host, double lossPercent, int sent) {}

  private static final Pattern ROUND = Pattern.compile("round (\\d+) +\\d+:\\d\\d$");
  private static final Pattern HOP_ROW =
      Pattern.compile("^ {0,2}(\\d{1,2}) (\\S+)(?: \\(\\d+%\\))? +(\\d+\\.\\d)% +(\\d+)(?: |$)");

  LiveScreen {
    lines = List.copyOf(lines);
  }

  /** The first line: {@code hoptrace VERSION  TARGET (ADDRESS) ... round N  M:SS}. */
  String header() {
    return lines.isEmpty() ? "" : lines.getFirst();
  }

  boolean isLiveView() {
    return header().startsWith("hoptrace ") && ROUND.matcher(header()).find();
  }

  /** The header's round counter, if the header is there. */
  OptionalInt round() {
    Matcher m = ROUND.matcher(header());
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** Hop rows by TTL, in screen order. */
  Map<Integer, HopRow> hops() {
    Map<Integer, HopRow> hops = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = HOP_ROW.matcher(line);
      if (m.find()) {
        int ttl = Integer.parseInt(m.group(1));
        hops.putIfAbsent(ttl, new HopRow(ttl, m.group(2), Double.parseDouble(m.group(3)),
            Integer.parseInt(m.group(4))));
      }
    }
    return hops;
  }

  Optional<HopRow> hop(int ttl) {
    return Optional.ofNullable(hops().get(ttl));
  }

  /** The diagnosis bullets, each with its continuation lines joined in. */
  List<String> diagnosis() {
    List<String> bullets = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(" * ")) {
        bullets.add(line.substring(3));
      } else if (!bullets.isEmpty() && line.startsWith("   ") && !line.isBlank()) {
        bullets.add(bullets.removeLast() + " " + line.strip());
      }
    }
    return bullets;
  }

  /** The key hints at the bottom. */
  String footer() {
    return lines.isEmpty() ? "" : lines.getLast();
  }

  boolean contains(String text) {
    return lines.stream().anyMatch(l -> l.contains(text));
  }

  /** Width of the widest line in terminal columns (the view draws no double-width character). */
  int widest() {
    return lines.stream().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0);
  }

  static int width(String line) {
    return line.codePointCount(0, line.length());
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
