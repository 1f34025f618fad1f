/*
 * Whole-program benchmark: hoptrace against the system's traceroute on the same lab paths.
 *
 * Run (as root, from the repository root; builds the jar and its own lab, removes the lab):
 *   bench/compare-traceroute.sh [--runs N] [--tools traceroute,hoptrace]
 *
 * Paths: 6 Linux routers and a destination (7 hops), all answering; and the same path with a
 * firewall on router 4 dropping everything it would forward (hops 1-4 answer, then silence).
 * Both tools run as root with default options and -n inside the lab's client namespace. Per run:
 * wall time start to exit, UDP probes on the wire (nftables counter in the client), user+sys CPU
 * and peak RSS (/usr/bin/time); medians over the runs. Also the JVM start-up on its own
 * (hoptrace --version). Prints a Markdown table for docs/benchmarks.md.
 */

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lab.PacketCounter;
import dev.hoptrace.lab.RouterBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

void main(String[] args) throws Exception {
  int runs = 5;
  List<String> tools = List.of("traceroute", "hoptrace");
  for (int i = 0; i < args.length; i++) {
    switch (args[i]) {
      case "--runs" -> runs = Integer.parseInt(args[++i]);
      case "--tools" -> tools = Arrays.asList(args[++i].split(","));
      default -> throw new IllegalArgumentException("unknown argument " + args[i]);
    }
  }
  // What a user runs: the launcher, with its JVM flags and its AOT cache (made beforehand by
  // compare-traceroute.sh, so no run pays for the training).
  List<String> hoptrace = List.of(Path.of(System.getProperty("hoptrace.launcher", "hoptrace"))
      .toAbsolutePath().toString());

  List<String> rows = new ArrayList<>();
  try (Lab lab = LinearPath.of(6).start()) {
    String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
    for (String scenario : List.of("all answering", "silent after hop 4")) {
      lab.setBehaviour(4, scenario.startsWith("silent") ? RouterBehaviour.FIREWALL
          : RouterBehaviour.ANSWERING);
      int answering = scenario.startsWith("silent") ? 4 : 7;
      for (String tool : tools) {
        List<String> command = new ArrayList<>(tool.equals("hoptrace") ? hoptrace
            : List.of("traceroute"));
        command.addAll(List.of("-n", dst));
        Stats stats = measure(lab, command, runs, answering, answering == 7);
        rows.add("| " + scenario + " | " + tool + " | " + stats.row() + " |");
        System.err.println(scenario + " / " + tool + ": " + stats.row());
      }
    }
    if (tools.contains("hoptrace")) {
      List<String> version = new ArrayList<>(hoptrace);
      version.add("--version");
      Stats stats = measure(lab, version, runs, 0, true);
      rows.add("| JVM start-up (`--version`) | hoptrace | " + stats.row() + " |");
    }
  }
  System.out.println("| path | tool | wall ms (median) | probes | CPU ms user+sys | peak RSS MiB |"
      + " runs |");
  System.out.println("|---|---|---:|---:|---:|---:|---:|");
  rows.forEach(System.out::println);
}

/** Medians over the runs of one command. */
record Stats(double wallMs, long probes, double cpuMs, double rssMiB, int runs) {
  String row() {
    // /usr/bin/time reports CPU in 10 ms steps.
    String cpu = cpuMs < 10 ? "< 10" : "%.0f".formatted(cpuMs);
    return "%.0f | %d | %s | %.0f | %d".formatted(wallMs, probes, cpu, rssMiB, runs);
  }
}

/**
 * Runs {@code command} in the client {@code runs} times (after one unmeasured warm-up run when
 * {@code warmUp}; the slow silent-tail runs follow a warm one anyway), checking each time
 * that every expected hop answered (so a fast but wrong run cannot win).
 */
Stats measure(Lab lab, List<String> command, int runs, int answeringHops, boolean warmUp)
    throws Exception {
  Path timeFile = Files.createTempFile("hoptrace-bench-", ".time");
  List<Double> walls = new ArrayList<>();
  List<Long> probes = new ArrayList<>();
  List<Double> cpus = new ArrayList<>();
  List<Double> rss = new ArrayList<>();
  try (PacketCounter wire = PacketCounter.install(lab, lab.client(),
      Map.of("probes", "ip daddr 198.18.0.0/15 meta l4proto udp"))) {
    for (int run = warmUp ? -1 : 0; run < runs; run++) { // run -1 warms the page cache
      wire.reset();
      List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o",
          timeFile.toString()));
      timed.addAll(command);
      long start = System.nanoTime();
      ExecResult result = lab.exec(lab.client(), timed, "", Duration.ofMinutes(3), null);
      double wall = (System.nanoTime() - start) / 1e6;
      if (!result.succeeded()) {
        throw new IllegalStateException("benchmark run failed: " + result.describe());
      }
      for (int ttl = 1; ttl <= answeringHops; ttl++) {
        String hop = AddressText.of(lab.hopAddress(ttl, IpFamily.IPV4));
        if (!result.stdout().contains(" " + hop + " ")) {
          throw new IllegalStateException("hop " + ttl + " (" + hop + ") missing: "
              + result.describe());
        }
      }
      if (run < 0) {
        continue;
      }
      String[] t = Files.readString(timeFile).strip().lines().reduce((a, b) -> b).orElseThrow()
          .split(" ");
      walls.add(wall);
      probes.add(wire.packets("probes"));
      cpus.add((Double.parseDouble(t[0]) + Double.parseDouble(t[1])) * 1000);
      rss.add(Long.parseLong(t[2]) / 1024.0);
    }
  } finally {
    Files.deleteIfExists(timeFile);
  }
  return new Stats(median(walls), Math.round(median(probes.stream().map(Long::doubleValue)
      .toList())), median(cpus), median(rss), runs);
}

double median(List<Double> values) {
  List<Double> sorted = values.stream().sorted().toList();
  int n = sorted.size();
  return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
}
