/*
 * Continuous traces: `hoptrace report -c 10` against `mtr --report -c 10` on the same lab path.
 *
 * Run (as root, from the repository root; builds the jar and its own lab, removes the lab):
 *   bench/compare-mtr.sh [--runs N]
 *
 * The path is the library scenario `linear` (6 Linux routers, the destination at hop 7, nothing
 * lost). Both tools run as root with -n inside the lab's client namespace, ICMP echo (both
 * tools' default), 10 rounds, first at their default interval of 1 s, then both at -i 0.2. Runs
 * alternate between the tools, so both see the same machine load. Per run: wall time start to
 * exit, echo requests that left the client (nftables counter), user+sys CPU and peak RSS
 * (/usr/bin/time). Every run must show hop 7 at 0.0% loss, so a fast wrong run cannot win.
 * Prints a Markdown table for docs/benchmarks.md.
 */

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.PacketCounter;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

void main(String[] args) throws Exception {
  int runs = 5;
  for (int i = 0; i < args.length; i++) {
    switch (args[i]) {
      case "--runs" -> runs = Integer.parseInt(args[++i]);
      default -> throw new IllegalArgumentException("unknown argument " + args[i]);
    }
  }
  String launcher = Path.of(System.getProperty("hoptrace.launcher", "hoptrace")).toAbsolutePath()
      .toString();
  System.err.println("load before: " + Files.readString(Path.of("/proc/loadavg")).strip());
  List<String> rows = new ArrayList<>();
  try (Lab lab = Lab.start(ScenarioLibrary.load("linear"))) {
    String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
    // What a user sees when the path is fine: the destination at hop 7, nothing lost.
    Pattern complete = Pattern.compile("^\\s*7\\.\\|-- " + Pattern.quote(dst) + "\\s+0\\.0%",
        Pattern.MULTILINE);
    for (List<String> interval : List.of(List.<String>of(), List.of("-i", "0.2"))) {
      Map<String, List<String>> tools = new LinkedHashMap<>();
      tools.put("hoptrace report", command(List.of(launcher, "report"), interval, dst));
      tools.put("mtr --report", command(List.of("mtr", "--report"), interval, dst));
      Map<String, List<Sample>> samples = new LinkedHashMap<>();
      tools.keySet().forEach(t -> samples.put(t, new ArrayList<>()));
      for (int run = -1; run < runs; run++) { // run -1 warms the page cache, unmeasured
        List<String> order = new ArrayList<>(tools.keySet());
        if (run % 2 != 0) {
          order = order.reversed();
        }
        for (String tool : order) {
          Sample sample = measure(lab, tools.get(tool), complete);
          if (run >= 0) {
            samples.get(tool).add(sample);
          }
          System.err.println(tool + " " + interval + " run " + run + ": " + sample);
        }
      }
      String label = interval.isEmpty() ? "1 s (default)" : "0.2 s";
      samples.forEach((tool, list) -> rows.add("| " + label + " | " + tool + " | "
          + Sample.row(list) + " |"));
    }
  }
  System.err.println("load after: " + Files.readString(Path.of("/proc/loadavg")).strip());
  System.out.println("| interval | tool | wall s (median) | wall s (min–max) | echo requests"
      + " | CPU ms user+sys | peak RSS MiB | runs |");
  System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
  rows.forEach(System.out::println);
}

List<String> command(List<String> tool, List<String> interval, String dst) {
  List<String> command = new ArrayList<>(tool);
  command.addAll(List.of("-n", "-c", "10"));
  command.addAll(interval);
  command.add(dst);
  return command;
}

/** One run: wall seconds, echo requests on the wire, CPU ms, peak RSS in MiB. */
record Sample(double wallS, long echoes, double cpuMs, double rssMiB) {
  static String row(List<Sample> samples) {
    List<Double> walls = samples.stream().map(Sample::wallS).sorted().toList();
    return "%.2f | %.2f–%.2f | %.0f | %.0f | %.0f | %d".formatted(median(walls), walls.getFirst(),
        walls.getLast(), median(samples.stream().map(s -> (double) s.echoes()).toList()),
        median(samples.stream().map(Sample::cpuMs).toList()),
        median(samples.stream().map(Sample::rssMiB).toList()), samples.size());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}

Sample measure(Lab lab, List<String> command, Pattern complete) throws Exception {
  Path timeFile = Files.createTempFile("hoptrace-bench-", ".time");
  try (PacketCounter wire = PacketCounter.install(lab, lab.client(),
      Map.of("echoes", "ip daddr 198.18.0.0/15 icmp type echo-request"))) {
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o",
        timeFile.toString()));
    timed.addAll(command);
    long start = System.nanoTime();
    ExecResult result = lab.exec(lab.client(), timed, "", Duration.ofMinutes(2), null);
    double wall = (System.nanoTime() - start) / 1e9;
    if (!result.succeeded() || !complete.matcher(result.stdout()).find()) {
      throw new IllegalStateException("benchmark run failed or incomplete: " + result.describe());
    }
    String[] t = Files.readString(timeFile).strip().lines().reduce((a, b) -> b).orElseThrow()
        .split(" ");
    return new Sample(wall, wire.packets("echoes"),
        (Double.parseDouble(t[0]) + Double.parseDouble(t[1])) * 1000,
        Long.parseLong(t[2]) / 1024.0);
  } finally {
    Files.deleteIfExists(timeFile);
  }
}
