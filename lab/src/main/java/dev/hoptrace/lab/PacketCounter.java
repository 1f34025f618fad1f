package dev.hoptrace.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nftables counters on the packets a node sends, e.g. how many probes a tracer put on the wire
 * and with which TOS or length. Each counter is an nft match expression such as
 * {@code "ip daddr 198.18.0.0/15 meta l4proto udp"}; packets are counted in the output hook, so
 * the kernel's own RSTs and ICMP replies count too unless the match excludes them.
 */
public final class PacketCounter implements AutoCloseable {
  private static final String TABLE = "hoptrace_count";
  private static final Pattern PACKETS = Pattern.compile("packets (\\d+)");

  private final Lab lab;
  private final Node node;
  private final Map<String, String> matches;

  private PacketCounter(Lab lab, Node node, Map<String, String> matches) {
    this.lab = lab;
    this.node = node;
    this.matches = Map.copyOf(matches);
  }

  /**
   * Installs one named counter per entry of {@code matches} (name → nft match) in {@code node}'s
   * output hook, replacing any earlier counters.
   */
  public static PacketCounter install(Lab lab, Node node, Map<String, String> matches) {
    StringBuilder script = new StringBuilder("table inet " + TABLE + "\ndelete table inet "
        + TABLE + "\ntable inet " + TABLE + " {\n");
    Map<String, String> ordered = new LinkedHashMap<>(matches);
    ordered.keySet().forEach(name -> {
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("counter names are [a-z][a-z0-9_]*: " + name);
      }
      script.append("  counter ").append(name).append(" { }\n");
    });
    script.append("  chain output {\n    type filter hook output priority -10; policy accept;\n");
    ordered.forEach((name, match) -> script.append("    ").append(match)
        .append(" counter name ").append(name).append('\n'));
    script.append("  }\n}\n");
    lab.nft(node, script.toString());
    return new PacketCounter(lab, node, ordered);
  }

  /** Packets counted so far by counter {@code name}. */
  public long packets(String name) {
    if (!matches.containsKey(name)) {
      throw new IllegalArgumentException("no counter " + name);
    }
    ExecResult listed = lab.exec(node, Duration.ofSeconds(10), "nft", "list", "counter", "inet",
        TABLE, name).orThrow();
    Matcher m = PACKETS.matcher(listed.stdout());
    if (!m.find()) {
      throw new LabException("no packet count in: " + listed.describe());
    }
    return Long.parseLong(m.group(1));
  }

  /** Sets every counter back to zero. */
  public void reset() {
    for (String name : matches.keySet()) {
      lab.exec(node, List.of("nft", "reset", "counter", "inet", TABLE, name), "",
          Duration.ofSeconds(10), null).orThrow();
    }
  }

  /** Removes the counters. */
  @Override
  public void close() {
    lab.nft(node, "table inet " + TABLE + "\ndelete table inet " + TABLE + "\n");
  }
}
