/*
 * Multipath benchmark: hoptrace mda (MDA-Lite and MDA) against scamper's tracelb on the lab's
 * load-balanced scenarios, at the same confidence.
 *
 * Run (as root, from the repository root; builds the jar and its own labs, removes them):
 *   bench/compare-mda.sh [--runs N] [--only hoptrace|scamper]
 *
 * Per scenario (the library's ecmp-diamond and ecmp-wide, 2- and 4-way; bench/scenarios' ecmp-8way,
 * ecmp-nested and ecmp-unequal) and confidence (95, 99), each tool runs N times in the lab's client
 * namespace, UDP with one destination port per flow, IPv4: wall time from start to
 * exit, UDP probes that left the client (nftables counter), and whether the run found every
 * interface of the scenario (hoptrace: and every edge; scamper's text output does not say which
 * interface of a parallel hop leads to which). Prints a Markdown table for docs/benchmarks.md.
 */

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.PacketCounter;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

static final Pattern IPV4 = Pattern.compile("\\b198\\.1[89]\\.\\d+\\.\\d+\\b");

void main(String[] args) throws Exception {
  int runs = 10;
  String only = "";
  for (int i = 0; i < args.length; i++) {
    switch (args[i]) {
      case "--runs" -> runs = Integer.parseInt(args[++i]);
      case "--only" -> only = args[++i]; // a tool name's prefix: "hoptrace" or "scamper"
      default -> throw new IllegalArgumentException("unknown argument " + args[i]);
    }
  }
  String hoptrace = Path.of(System.getProperty("hoptrace.launcher", "hoptrace")).toAbsolutePath()
      .toString();
  List<String> rows = new ArrayList<>();
  for (String scenario : List.of("ecmp-diamond", "ecmp-wide", "ecmp-8way", "ecmp-nested",
      "ecmp-unequal")) {
    Scenario loaded = ScenarioLibrary.names().contains(scenario)
        ? ScenarioLibrary.load(scenario)
        : ScenarioLibrary.read(Path.of("bench", "scenarios", scenario + ".yaml"));
    PathGraph graph = PathGraph.of(loaded, false);
    try (Lab lab = Lab.start(loaded)) {
      String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
      for (int confidence : List.of(95, 99)) {
        Map<String, List<String>> tools = new java.util.LinkedHashMap<>();
        tools.put("hoptrace mda (MDA-Lite)", List.of(hoptrace, "mda", "-n", "--lite",
            "--confidence", "" + confidence, dst));
        tools.put("hoptrace mda --full (MDA)", List.of(hoptrace, "mda", "-n", "--full",
            "--confidence", "" + confidence, dst));
        // The fastest scamper allows: 150 ms between probes (-W 15, its minimum), 1000 packets
        // per second overall (-p). Its default pacing (250 ms, 20/s) sends the same probes, slower.
        tools.put("scamper -p 1000 tracelb -W 15", List.of("scamper", "-p", "1000", "-c",
            "tracelb -P udp-dport -W 15 -c " + confidence, "-i", dst));
        for (var tool : tools.entrySet()) {
          if (!tool.getKey().startsWith(only)) {
            continue;
          }
          String row = measure(lab, tool.getValue(), runs, graph, tool.getKey().startsWith("hop"));
          rows.add("| " + scenario + " | " + confidence + " % | " + tool.getKey() + " | " + row
              + " |");
          System.err.println(rows.getLast());
        }
      }
    }
  }
  System.out.println("| scenario | confidence | tool | wall ms (median) | probes (median) |"
      + " complete runs |");
  System.out.println("|---|---|---|---:|---:|---:|");
  rows.forEach(System.out::println);
}

/** Medians of wall time and probes over the runs, and how many runs found the whole graph. */
String measure(Lab lab, List<String> command, int runs, PathGraph graph, boolean edges)
    throws Exception {
  List<Double> walls = new ArrayList<>();
  List<Double> probes = new ArrayList<>();
  int complete = 0;
  try (PacketCounter wire = PacketCounter.install(lab, lab.client(),
      Map.of("probes", "ip daddr 198.18.0.0/15 meta l4proto udp"))) {
    for (int run = -1; run < runs; run++) { // run -1 warms the page cache
      wire.reset();
      long start = System.nanoTime();
      ExecResult result = lab.exec(lab.client(), command, "", Duration.ofMinutes(5), null);
      double wall = (System.nanoTime() - start) / 1e6;
      if (!result.succeeded()) {
        throw new IllegalStateException("benchmark run failed: " + result.describe());
      }
      if (run < 0) {
        continue;
      }
      walls.add(wall);
      probes.add((double) wire.packets("probes"));
      if (complete(result.stdout(), graph, edges)) {
        complete++;
      }
    }
  }
  return "%.0f | %.0f | %d/%d".formatted(median(walls), median(probes), complete, runs);
}

/** Every interface of the graph in the output (and, for hoptrace's text, every edge). */
boolean complete(String out, PathGraph graph, boolean edges) {
  Set<String> seen = new HashSet<>();
  Set<String> links = new HashSet<>();
  for (String line : out.lines().skip(1).toList()) {
    Matcher m = IPV4.matcher(line);
    List<String> addresses = new ArrayList<>();
    while (m.find()) {
      addresses.add(m.group());
    }
    if (edges && line.contains(" -> ") && addresses.size() == 2) {
      links.add(addresses.get(0) + ">" + addresses.get(1));
    } else {
      seen.addAll(addresses);
    }
  }
  Set<String> wanted = new HashSet<>();
  graph.allInterfaces().forEach(a -> wanted.add(AddressText.of(a)));
  if (!seen.equals(wanted)) {
    return false;
  }
  if (!edges) {
    return true;
  }
  Set<String> wantedLinks = new HashSet<>();
  graph.edges().forEach(e -> wantedLinks.add(AddressText.of(e.from()) + ">"
      + AddressText.of(e.to())));
  return links.equals(wantedLinks);
}

double median(List<Double> values) {
  List<Double> sorted = values.stream().sorted().toList();
  int n = sorted.size();
  return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
}
