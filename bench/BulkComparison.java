/*
 * Bulk tracing benchmark: scamper (and hoptrace bulk, once it exists) tracing every address of
 * the bulk-tree lab at fixed probe rates, and the lab's own capacity.
 *
 * Run (as root, from the repository root; builds its own lab and removes it):
 *   bench/compare-bulk.sh [--rates 1000,5000,10000] [--flood 25000,50000,100000,200000]
 *                         [--flood-threads 1,2]
 *                         [--sample N] [--answering] [--ipv6] [--max-ttl 16]
 *                         [--only scamper|hoptrace|flood] [--hoptrace-args "-q 1 --wait 1"]
 *
 * 1. The lab: the library's bulk-tree (or --scenario NAME|FILE.yaml), 3,328 IPv4 targets behind 18 routers (silent and
 *    unreachable hosts, a silent router, 3 and 4 hops).
 * 2. Per rate, each tool traces the whole list (or --sample N of it; --answering: only the
 *    addresses whose hosts answer, so that no trace waits out a gap limit) in the client namespace
 *    under /usr/bin/time: wall time, CPU (user + system), peak RSS; UDP probes that left the
 *    client (nftables counter); and how many traces are complete and correct against the
 *    scenario: every hop that should answer did, from the right address, none other did, and
 *    the trace ended as the scenario says (reached, !H, or the gap limit behind silent hosts).
 *    scamper: trace -P udp-paris -w 1 -m MAX (two attempts per hop, its default), JSON output.
 *    hoptrace: bulk -f targets --rate R --max-ttl MAX -o json [--hoptrace-args], JSON Lines;
 *    skipped with a message while this build has no bulk command.
 * 3. Flood (bench/lab-flood.c, compiled with cc): UDP probes at TTL 1..4 to the answering
 *    targets at fixed offered rates from 1 and 2 sending threads (--flood-threads), ICMP
 *    replies counted: what the lab's kernels sustain.
 * --ipv6 traces the IPv6 addresses instead (no flood: lab-flood is IPv4 only).
 * Prints Markdown tables for docs/benchmarks.md.
 */

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.Commands;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.PacketCounter;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.OwnedPrefixes;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioTargets;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one trace showed: responders per TTL and how it ended. */
record Observed(Map<Integer, Set<String>> responders, String end) {}

static final Duration RUN_LIMIT = Duration.ofMinutes(20);

void main(String[] args) throws Exception {
  String file = "bulk-tree";
  List<Integer> rates = List.of(1000, 5000, 10000);
  List<Integer> floods = List.of(25000, 50000, 100000, 200000, 400000);
  List<Integer> floodThreads = List.of(1, 2);
  int sample = 0;
  boolean answeringOnly = false;
  boolean ipv6 = false;
  int maxTtl = 16;
  String only = "";
  String hoptraceArgs = "";
  for (int i = 0; i < args.length; i++) {
    switch (args[i]) {
      case "--scenario" -> file = args[++i];
      case "--rates" -> rates = numbers(args[++i]);
      case "--flood" -> floods = numbers(args[++i]);
      case "--flood-threads" -> floodThreads = numbers(args[++i]);
      case "--sample" -> sample = Integer.parseInt(args[++i]);
      case "--answering" -> answeringOnly = true;
      case "--ipv6" -> ipv6 = true;
      case "--max-ttl" -> maxTtl = Integer.parseInt(args[++i]);
      case "--only" -> only = args[++i];
      case "--hoptrace-args" -> hoptraceArgs = args[++i];
      default -> throw new IllegalArgumentException("unknown argument " + args[i]);
    }
  }
  String hoptrace = Path.of(System.getProperty("hoptrace.launcher", "hoptrace")).toAbsolutePath()
      .toString();
  Scenario scenario = file.endsWith(".yaml") ? ScenarioLibrary.read(Path.of(file))
      : ScenarioLibrary.load(file);
  List<InetAddress> drawn = sample > 0 ? ScenarioTargets.sample(scenario, ipv6, sample, 1)
      : ScenarioTargets.all(scenario, ipv6);
  boolean onlyAnswering = answeringOnly;
  List<InetAddress> targets = drawn.stream().filter(t -> !onlyAnswering
      || scenario.prefixOwner(t).orElseThrow().owned().hosts() == OwnedPrefixes.Hosts.ANSWER)
      .toList();
  Path work = Files.createTempDirectory("hoptrace-bulk-");
  Path list = work.resolve("targets.txt");
  Files.write(list, targets.stream().map(AddressText::of).toList());
  Path answering = work.resolve("answering.txt");
  Files.write(answering, targets.stream()
      .filter(t -> scenario.prefixOwner(t).orElseThrow().owned().hosts() == OwnedPrefixes.Hosts.ANSWER)
      .map(AddressText::of).toList());
  Map<String, Expected> expected = new HashMap<>();
  Set<String> silent = silentRouterAddresses(scenario);
  for (InetAddress t : targets) {
    expected.put(AddressText.of(t), Expected.of(scenario, t, silent));
  }
  System.err.println("compare-bulk: " + targets.size() + " targets in " + list + "; load "
      + Files.readString(Path.of("/proc/loadavg")).strip());

  List<String> rows = new ArrayList<>();
  List<String> floodRows = new ArrayList<>();
  try (Lab lab = Lab.start(scenario)) {
    for (int rate : rates) {
      if ("scamper".startsWith(only) || only.isEmpty()) {
        Path out = work.resolve("scamper-" + rate + ".json");
        List<String> command = List.of("scamper", "-p", "" + rate, "-O", "json", "-o",
            out.toString(), "-c", "trace -P udp-paris -w 1 -m " + maxTtl, "-f", list.toString());
        rows.add(row(lab, "scamper -p " + rate, command, ipv6, out, expected, true));
      }
      if ("hoptrace".startsWith(only) || only.isEmpty()) {
        if (!hasBulk(hoptrace)) {
          System.err.println("compare-bulk: hoptrace bulk: not in this build (`hoptrace --help`"
              + " lists no bulk command); skipped");
        } else {
          Path out = work.resolve("hoptrace-" + rate + ".jsonl");
          List<String> command = List.of("sh", "-c", "exec \"$0\" bulk -f \"$1\" --rate \"$2\""
              + " --max-ttl \"$3\" -o json " + hoptraceArgs + " > \"$4\"", hoptrace,
              list.toString(), "" + rate, "" + maxTtl, out.toString());
          String name = ("hoptrace bulk --rate " + rate + " " + hoptraceArgs).strip();
          rows.add(row(lab, name, command, ipv6, out, expected, false));
        }
      }
    }
    if (ipv6 && "flood".startsWith(only)) {
      System.err.println("compare-bulk: lab-flood sends IPv4 only; no flood with --ipv6");
    } else if ("flood".startsWith(only) || only.isEmpty()) {
      Path flood = work.resolve("lab-flood");
      Commands.run(List.of("cc", "-O2", "-o", flood.toString(),
          Path.of("bench/lab-flood.c").toAbsolutePath().toString(), "-lpthread"),
          Duration.ofMinutes(1)).orThrow();
      for (int threads : floodThreads) {
        for (int rate : floods) {
          ExecResult r = lab.exec(lab.client(), List.of(flood.toString(), "-f",
              answering.toString(), "-r", "" + rate, "-s", "5", "-m", "4", "-t", "" + threads),
              "", RUN_LIMIT, null);
          if (!r.succeeded()) {
            throw new IllegalStateException("lab-flood failed: " + r.describe());
          }
          floodRows.add("| " + threads + " " + floodRow(r.stdout()));
          System.err.println(floodRows.getLast());
        }
      }
    }
  }
  if (!rows.isEmpty()) {
    System.out.println("| tool and rate | targets | wall s | probes sent | probes/s | CPU s |"
        + " CPU s per 100k probes | peak RSS MB | replies dropped at its sockets |"
        + " traces complete and correct |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
  }
  if (!floodRows.isEmpty()) {
    System.out.println();
    System.out.println("| sending threads | offered probes/s | sent probes/s | ICMP replies/s |"
        + " replies per probe |");
    System.out.println("|---:|---:|---:|---:|---:|");
    floodRows.forEach(System.out::println);
  }
}

List<Integer> numbers(String csv) {
  return java.util.Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
}

/** Whether the launcher's help lists a bulk command. */
boolean hasBulk(String hoptrace) {
  ExecResult help = Commands.run(List.of(hoptrace, "--help"), Duration.ofMinutes(5));
  return help.stdout().lines().anyMatch(l -> l.matches("\\s+bulk\\s.*"));
}

/** One tool at one rate: runs it under /usr/bin/time and checks every trace. */
String row(Lab lab, String name, List<String> command, boolean ipv6, Path out,
    Map<String, Expected> expected, boolean scamper) throws Exception {
  List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %U %S %M"));
  timed.addAll(command);
  try (PacketCounter wire = PacketCounter.install(lab, lab.client(),
      Map.of("probes", ipv6 ? "ip6 daddr 2001:db8::/32 meta l4proto udp"
          : "ip daddr 198.18.0.0/15 meta l4proto udp"))) {
    SocketDrops drops = SocketDrops.watch(lab);
    ExecResult result = lab.exec(lab.client(), timed, "", RUN_LIMIT, null);
    long dropped = drops.stop();
    if (!result.succeeded()) {
      throw new IllegalStateException(name + " failed: " + result.describe());
    }
    String[] t = result.stderr().lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b)
        .orElseThrow().split(" ");
    // hoptrace's own summary: the rate while sending, the replies it dropped and why.
    result.stderr().lines().filter(l -> l.contains("destinations traced"))
        .forEach(l -> System.err.println(name + ": " + l));
    double wall = Double.parseDouble(t[1]);
    double cpu = Double.parseDouble(t[2]) + Double.parseDouble(t[3]);
    double rssMb = Long.parseLong(t[4]) / 1024.0;
    long probes = wire.packets("probes");
    Map<String, Observed> traces = scamper ? readScamper(Files.readString(out))
        : readHoptrace(Files.readString(out));
    int correct = 0;
    Map<String, Integer> wrong = new TreeMap<>();
    for (var e : expected.entrySet()) {
      Observed seen = traces.get(e.getKey());
      String why = seen == null ? "missing" : e.getValue().mismatch(seen);
      if (why == null) {
        correct++;
      } else {
        wrong.merge(why, 1, Integer::sum);
      }
    }
    if (!wrong.isEmpty()) {
      System.err.println(name + ": not correct: " + wrong);
    }
    String row = "| %s | %d | %.1f | %d | %.0f | %.2f | %.2f | %.1f | %d | %d (%.1f %%) |"
        .formatted(name, expected.size(), wall, probes, probes / wall, cpu,
            cpu / probes * 100_000, rssMb, dropped, correct, 100.0 * correct / expected.size());
    System.err.println(row);
    return row;
  }
}

/**
 * Replies the kernel delivered but the tool's sockets had no room for: the {@code drops} column
 * of the client's raw and UDP sockets (/proc/net/raw, raw6, udp, udp6), sampled every 100 ms
 * while the tool runs, highest sum seen. A socket's count is lost when it closes, so the last
 * 100 ms before exit may be missed.
 */
static final class SocketDrops {
  private final Lab lab;
  private final Thread thread;
  private volatile boolean stop;
  private volatile long max;

  private SocketDrops(Lab lab) {
    this.lab = lab;
    this.thread = Thread.ofPlatform().daemon().start(this::sample);
  }

  static SocketDrops watch(Lab lab) {
    return new SocketDrops(lab);
  }

  private void sample() {
    while (!stop) {
      ExecResult r = lab.exec(lab.client(), Duration.ofSeconds(5), "sh", "-c",
          "cat /proc/net/raw /proc/net/raw6 /proc/net/udp /proc/net/udp6 2>/dev/null");
      long sum = 0;
      for (String line : r.stdout().lines().toList()) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 10 && f[0].endsWith(":") && f[f.length - 1].matches("\\d+")) {
          sum += Long.parseLong(f[f.length - 1]);
        }
      }
      max = Math.max(max, sum);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long stop() throws InterruptedException {
    stop = true;
    thread.join();
    return max;
  }
}

/** scamper's JSON: one {"type":"trace", ...} object a line, a hop object per reply. */
Map<String, Observed> readScamper(String text) {
  Pattern dst = Pattern.compile("\"dst\":\"([^\"]+)\"");
  Pattern stop = Pattern.compile("\"stop_reason\":\"([A-Z]+)\"");
  Pattern hop = Pattern.compile("\"addr\":\"([^\"]+)\", \"probe_ttl\":(\\d+)");
  Map<String, Observed> traces = new HashMap<>();
  for (String line : text.lines().filter(l -> l.contains("\"type\":\"trace\"")).toList()) {
    Matcher d = dst.matcher(line);
    Matcher s = stop.matcher(line);
    if (!d.find() || !s.find()) {
      continue;
    }
    Map<Integer, Set<String>> responders = new TreeMap<>();
    Matcher h = hop.matcher(line);
    while (h.find()) {
      responders.computeIfAbsent(Integer.parseInt(h.group(2)), k -> new HashSet<>()).add(h.group(1));
    }
    String end = switch (s.group(1)) {
      case "COMPLETED" -> "reached";
      case "UNREACH" -> "unreachable";
      case "GAPLIMIT" -> "gap-limit";
      default -> s.group(1).toLowerCase();
    };
    traces.put(d.group(1), new Observed(responders, end));
  }
  return traces;
}

/**
 * hoptrace's JSON Lines, one trace object a line as docs/json.md describes a trace:
 * destination.address, stopReason, hops[].ttl with probes[].responder.
 */
Map<String, Observed> readHoptrace(String text) {
  Pattern dst = Pattern.compile("\"address\"\\s*:\\s*\"([^\"]+)\"");
  Pattern stop = Pattern.compile("\"stopReason\"\\s*:\\s*\"([a-z-]+)\"");
  // A hop object: {"ttl": N, "probes": ...}; not a probe's "quoted": {"ttl": ...}.
  Pattern ttl = Pattern.compile("\\{\\s*\"ttl\"\\s*:\\s*(\\d+)\\s*,\\s*\"probes\"");
  Pattern responder = Pattern.compile("\"responder\"\\s*:\\s*\"([^\"]+)\"");
  Map<String, Observed> traces = new HashMap<>();
  for (String line : text.lines().filter(l -> l.contains("\"stopReason\"")).toList()) {
    Matcher d = dst.matcher(line);
    Matcher s = stop.matcher(line);
    if (!d.find() || !s.find()) {
      continue;
    }
    Map<Integer, Set<String>> responders = new TreeMap<>();
    Matcher t = ttl.matcher(line);
    List<int[]> starts = new ArrayList<>();
    while (t.find()) {
      starts.add(new int[] {t.start(), Integer.parseInt(t.group(1))});
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : line.length();
      Matcher r = responder.matcher(line.substring(starts.get(i)[0], end));
      while (r.find()) {
        responders.computeIfAbsent(starts.get(i)[1], k -> new HashSet<>()).add(r.group(1));
      }
    }
    String end = s.group(1).equals("destination-reached") ? "reached" : s.group(1);
    traces.put(d.group(1), new Observed(responders, end));
  }
  return traces;
}

/** Every link address of a router that sends no ICMP errors: never a responder. */
Set<String> silentRouterAddresses(Scenario scenario) {
  Set<String> silent = new HashSet<>();
  for (Node node : scenario.nodes().values()) {
    if (node.router().icmp().kind() == IcmpPolicy.Kind.SILENT) {
      for (Link link : scenario.linksOf(node.name())) {
        silent.add(AddressText.of(dev.hoptrace.scenario.AddressPlan.ipv4(link, node.name())));
        silent.add(AddressText.of(dev.hoptrace.scenario.AddressPlan.ipv6(link, node.name())));
      }
    }
  }
  return silent;
}

/**
 * What the scenario says a trace to one target shows. An IPv6 target answers Port Unreachable
 * from its owner's interface, not from itself (docs/scenarios.md): scamper calls that trace
 * completed, hoptrace ends it as unreachable; either is right.
 */
record Expected(PathGraph graph, Set<String> silent, String ipv6Answer) {
  static Expected of(Scenario scenario, InetAddress target, Set<String> silent) {
    PathGraph graph = PathGraph.to(scenario, target);
    String answer = null;
    if (target instanceof java.net.Inet6Address && graph.end() == PathGraph.End.REACHED) {
      String owner = scenario.prefixOwner(target).orElseThrow().name();
      String back = dev.hoptrace.scenario.Routes.of(scenario).nextHopsToClient(owner).getFirst();
      answer = AddressText.of(dev.hoptrace.scenario.AddressPlan.of(
          scenario.linkBetween(owner, back).orElseThrow(), owner, true));
    }
    return new Expected(graph, silent, answer);
  }

  /** Null when {@code seen} is complete and correct, else a short reason. */
  String mismatch(Observed seen) {
    String end = switch (graph.end()) {
      case REACHED -> "reached";
      case UNREACHABLE -> "unreachable";
      case SILENT -> "gap-limit";
    };
    if (!seen.end().equals(end) && !(ipv6Answer != null && seen.end().equals("unreachable"))) {
      return "ended " + seen.end() + " instead of " + end;
    }
    int last = graph.end() == PathGraph.End.SILENT ? graph.ownerTtl() - 1 : graph.depth();
    for (var hop : seen.responders().entrySet()) {
      if (hop.getKey() > last && !hop.getValue().isEmpty()) {
        return "answers beyond the path";
      }
    }
    for (int ttl = 1; ttl <= last; ttl++) {
      Set<String> want = new HashSet<>();
      graph.interfaces().getOrDefault(ttl, Set.of()).forEach(a -> want.add(AddressText.of(a)));
      want.removeAll(silent);
      if (ipv6Answer != null && ttl == last) {
        want.clear();
        want.add(ipv6Answer);
      }
      Set<String> got = seen.responders().getOrDefault(ttl, Set.of());
      if (!want.containsAll(got)) {
        return "wrong responder";
      }
      if (!want.isEmpty() && got.isEmpty()) {
        return "hop missing";
      }
    }
    return null;
  }
}

String floodRow(String line) {
  // "offered N pps  sent N pps  replies N /s  replies/probe R  failed N"
  String[] w = line.strip().split("\\s+");
  return "| %s | %s | %s | %s |".formatted(w[1], w[4], w[7], w[10]);
}
