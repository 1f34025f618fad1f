package dev.hoptrace.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The system traceroute's {@code -n} output, hop by hop: responders in order, stars, marks. */
record TracerouteLines(String raw, TreeMap<Integer, List<String>> hops) {
  private static final Pattern HOP = Pattern.compile("^\\s*(\\d+)\\s+(.*)$");
  private static final Pattern ADDRESS = Pattern.compile("^[0-9a-f.:]+$");

  static TracerouteLines parse(ExecResult run) {
    TreeMap<Integer, List<String>> hops = new TreeMap<>();
    for (String line : run.stdout().lines().toList()) {
      Matcher m = HOP.matcher(line);
      if (m.matches() && !line.startsWith("traceroute")) {
        hops.put(Integer.parseInt(m.group(1)), List.of(m.group(2).trim().split("\\s+")));
      }
    }
    return new TracerouteLines(run.describe(), hops);
  }

  /** The addresses that answered at {@code ttl}, each once, in order of appearance. */
  Set<String> responders(int ttl) {
    Set<String> seen = new LinkedHashSet<>();
    for (String token : hops.getOrDefault(ttl, List.of())) {
      if (ADDRESS.matcher(token).matches() && (token.contains(":") || token.contains("."))
          && !token.matches("\\d+\\.\\d+")) {
        seen.add(token);
      }
    }
    return seen;
  }

  /** Every address answering at {@code ttl}, once per probe, in order (a repeat means same). */
  List<String> perProbe(int ttl) {
    List<String> out = new ArrayList<>();
    String last = null;
    for (String token : hops.getOrDefault(ttl, List.of())) {
      if (token.equals("*")) {
        out.add("*");
      } else if (token.equals("ms")) {
        out.add(last);
      } else if (ADDRESS.matcher(token).matches() && !token.matches("\\d+\\.\\d+")) {
        last = token;
      }
    }
    return out;
  }

  /** The tokens of hop {@code ttl}, e.g. to look for {@code !H} or {@code *}. */
  List<String> tokens(int ttl) {
    return hops.getOrDefault(ttl, List.of());
  }
}
