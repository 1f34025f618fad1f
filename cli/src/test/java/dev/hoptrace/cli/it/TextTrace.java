package dev.hoptrace.cli.it;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux traceroute's {@code -n} text output read back into hops: {@code " 3  198.18.3.2  0.071
 * ms  0.052 ms !H  *"}. A responder is printed only when it changes within a hop, so it carries
 * over to the probes after it. Used for the system traceroute and for hoptrace's text renderer.
 */
record TextTrace(String header, List<Hop> hops) {
  private static final Pattern HOP_LINE = Pattern.compile("^\\s*(\\d+)\\s+(.*)$");
  private static final Pattern RTT = Pattern.compile("\\d+\\.\\d{3}");

  /** One probe as printed: responder (carried over), RTT, annotation such as {@code !H}. */
  record Probe(InetAddress responder, Double rttMs, String annotation) {
    boolean answered() {
      return rttMs != null;
    }
  }

  record Hop(int ttl, List<Probe> probes) {
    List<InetAddress> responders() {
      return probes.stream().map(Probe::responder).filter(r -> r != null).distinct().toList();
    }
  }

  /**
   * Parses {@code output}; throws {@link IllegalArgumentException} on any token that is not an
   * address, {@code *}, an RTT with {@code ms}, or a {@code !} annotation.
   */
  static TextTrace parse(String output) {
    return parse(output, true);
  }

  /**
   * Parses the hop lines of {@code output} whether or not a header line comes first; for tests
   * about hop lines that should not fail on where the header went.
   */
  static TextTrace parseHops(String output) {
    return parse(output, false);
  }

  private static TextTrace parse(String output, boolean headerRequired) {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no output");
    }
    boolean headed = !HOP_LINE.matcher(lines.get(0)).matches();
    if (headerRequired && !headed) {
      throw new IllegalArgumentException("no header line first on stdout (traceroute prints "
          + "\"traceroute to …\" before the hops); first line: \"" + lines.get(0) + "\"");
    }
    List<Hop> hops = new ArrayList<>();
    for (String line : lines.subList(headed ? 1 : 0, lines.size())) {
      Matcher m = HOP_LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a hop line: \"" + line + "\"");
      }
      hops.add(new Hop(Integer.parseInt(m.group(1)), probes(m.group(2), line)));
    }
    return new TextTrace(headed ? lines.get(0) : "", List.copyOf(hops));
  }

  private static List<Probe> probes(String rest, String line) {
    List<Probe> probes = new ArrayList<>();
    String[] tokens = rest.trim().split("\\s+");
    InetAddress current = null;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.equals("*")) {
        probes.add(new Probe(null, null, null));
      } else if (RTT.matcher(token).matches() && i + 1 < tokens.length
          && tokens[i + 1].equals("ms")) {
        String annotation = null;
        if (i + 2 < tokens.length && tokens[i + 2].startsWith("!")) {
          annotation = tokens[i + 2];
        }
        probes.add(new Probe(current, Double.parseDouble(token), annotation));
        i += annotation != null ? 2 : 1;
      } else if (token.matches("[0-9a-fA-F:.]+") && (token.contains(".") || token.contains(":"))) {
        current = literal(token, line);
      } else {
        throw new IllegalArgumentException("unexpected \"" + token + "\" in \"" + line + "\"");
      }
    }
    return List.copyOf(probes);
  }

  private static InetAddress literal(String token, String line) {
    try {
      return InetAddress.getByName(token);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad address \"" + token + "\" in \"" + line + "\"", e);
    }
  }

  List<List<InetAddress>> respondersPerHop() {
    return hops.stream().map(Hop::responders).toList();
  }
}
