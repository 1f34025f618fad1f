package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hoptrace bulk} on real kernels: the bench's ten-targets lab (nine routers in a row and a
 * destination, every node a destination), raw as root and unprivileged as nobody. Results must
 * equal one-by-one {@code hoptrace -o json} traces; the rate is measured on the wire; Ctrl-C
 * leaves only complete lines, and a resumed run finishes the rest.
 */
class BulkIT {
  private static final Path SCENARIO = Path.of("..", "bench", "scenarios", "ten-targets.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;
  private static List<InetAddress> targets;

  @BeforeAll
  static void lab() {
    ItEnvironment.requireRoot();
    Path file = Files.exists(SCENARIO) ? SCENARIO : Path.of("bench", "scenarios",
        "ten-targets.yaml");
    lab = Lab.start(ScenarioLibrary.read(file), ScenarioLab.OPTIONS);
    targets = lab.pathAddresses(IpFamily.IPV4);
  }

  @AfterAll
  static void close() {
    if (lab != null) {
      lab.close();
    }
  }

  private static String targetList() {
    return targetList(targets);
  }

  private static String targetList(List<InetAddress> list) {
    StringBuilder s = new StringBuilder("# the ten-targets lab, every hop\n");
    list.forEach(t -> s.append(AddressText.of(t)).append('\n'));
    return s.toString();
  }

  /** {@code hoptrace bulk -f - args…} inside the client namespace, the list on stdin. */
  private static ExecResult bulk(RunAs user, String... args) {
    return bulkOf(user, targetList(), args);
  }

  /** The same with {@code list} on stdin. */
  private static ExecResult bulkOf(RunAs user, String list, String... args) {
    Path jar = user.root() ? ItEnvironment.jar() : ItEnvironment.publicJar();
    List<String> command = new ArrayList<>(user.prefix());
    command.addAll(List.of(ItEnvironment.java().toString(), "--enable-native-access=ALL-UNNAMED",
        "-XX:-UsePerfData", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toString(), "bulk", "-f", "-", "--mode", user.mode()));
    command.addAll(List.of(args));
    ExecResult run = lab.exec(lab.client(), command, list, Hoptrace.HANG, jar.getParent());
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    return run;
  }

  private static Map<InetAddress, TraceReport> byDestination(ExecResult run) {
    Map<InetAddress, TraceReport> all = new HashMap<>();
    for (String line : run.stdout().lines().toList()) {
      TraceReport report = TraceReport.parse(new ExecResult(run.command(), 0, line, "", false,
          Duration.ZERO));
      assertThat(all.put(report.address(), report)).as("one line per destination").isNull();
    }
    return all;
  }

  @ParameterizedTest
  @CsvSource({"ROOT_RAW, -U, IPV4", "ROOT_RAW, -I, IPV4", "NOBODY_UNPRIVILEGED, -U, IPV4",
      "NOBODY_UNPRIVILEGED, -I, IPV4", "ROOT_RAW, -U, IPV6", "NOBODY_UNPRIVILEGED, -I, IPV6",
      "ROOT_RAW, -T, IPV4", "ROOT_RAW, -T, IPV6"})
  void resultsEqualOneByOneTraces(RunAs user, String method, IpFamily family) {
    List<InetAddress> list = lab.pathAddresses(family);
    ExecResult run = bulkOf(user, targetList(list), method, "--rate", "300", "--paris");
    assertThat(run.stderr()).contains(user.mode() + " mode").contains("10/10 destinations traced");
    Map<InetAddress, TraceReport> bulk = byDestination(run);
    assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(list);
    Hoptrace oneShot = new Hoptrace(lab);
    for (InetAddress target : list) {
      TraceReport single = oneShot.trace(user, method, "--paris", AddressText.of(target));
      TraceReport many = bulk.get(target);
      assertThat(many.respondersPerHop()).as("hops to %s", target)
          .isEqualTo(single.respondersPerHop());
      assertThat(many.reached()).isTrue();
      assertThat(many.stopReason()).isEqualTo(single.stopReason());
      assertThat(many.mode()).isEqualTo(user.mode());
      assertThat(many.hops()).allSatisfy(h -> assertThat(h.probes()).allSatisfy(p -> {
        assertThat(p.rttMs()).isNotNull().isBetween(0.0, 1000.0);
        assertThat(p.replyTtl()).isPositive();
      }));
    }
  }

  private static final Pattern TIME = Pattern.compile("^(\\d+)\\.(\\d{6}) ");

  @Test
  void theRateCeilingHoldsOnTheWire() throws Exception {
    Path capture = Files.createTempFile("hoptrace-bulk-", ".txt");
    String client = AddressText.of(lab.clientAddress(IpFamily.IPV4));
    Process tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.client().namespace(),
        "tcpdump", "-i", "any", "-nn", "-tt", "-q", "-l", "udp and src host " + client)
        .redirectOutput(capture.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      Thread.sleep(1500); // tcpdump is listening
      // Three probes per hop over ten destinations: about 165 probes, 4 s at 40 per second.
      ExecResult run = bulk(RunAs.ROOT_RAW, "--rate", "40");
      assertThat(run.stderr()).contains("10/10 destinations traced");
      Thread.sleep(500);
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(5, TimeUnit.SECONDS);
    }
    List<Long> micros = new ArrayList<>();
    for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
      Matcher m = TIME.matcher(line);
      if (m.find()) {
        micros.add(Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)));
      }
    }
    Files.deleteIfExists(capture);
    assertThat(micros.size()).isGreaterThan(120);
    int busiest = 0;
    for (int i = 0, j = 0; i < micros.size(); i++) {
      while (j < micros.size() && micros.get(j) < micros.get(i) + 1_000_000) {
        j++;
      }
      busiest = Math.max(busiest, j - i);
    }
    assertThat(busiest).as("probes in the busiest second").isBetween(30, 42);
  }

  private static final Pattern ECHO = Pattern.compile(" > ([0-9.]+): ICMP echo request");

  /**
   * With --paris every echo request to one destination carries flow 0's checksum (0xfffe), raw
   * or through a ping socket, whose kernel computes it over the payload hoptrace chose.
   */
  @ParameterizedTest
  @CsvSource({"ROOT_RAW", "NOBODY_UNPRIVILEGED"})
  void parisHoldsTheEchoChecksumOnTheWire(RunAs user) throws Exception {
    Path capture = Files.createTempFile("hoptrace-bulk-", ".txt");
    String client = AddressText.of(lab.clientAddress(IpFamily.IPV4));
    Process tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.client().namespace(),
        "tcpdump", "-i", "any", "-nn", "-x", "-l",
        "icmp[icmptype] == icmp-echo and src host " + client)
        .redirectOutput(capture.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      Thread.sleep(1500);
      bulk(user, "-I", "--paris", "--rate", "300");
      Thread.sleep(500);
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(5, TimeUnit.SECONDS);
    }
    // Each packet: a summary line, then hex lines of the IP datagram.
    Map<String, java.util.Set<Integer>> checksums = new HashMap<>();
    String destination = null;
    StringBuilder hex = new StringBuilder();
    List<String> lines = new ArrayList<>(Files.readAllLines(capture, StandardCharsets.UTF_8));
    lines.add("end");
    for (String line : lines) {
      if (line.startsWith("\t0x")) {
        hex.append(line.substring(line.indexOf(':') + 1).replace(" ", "").strip());
        continue;
      }
      if (destination != null && hex.length() >= 48) {
        int ihl = (Character.digit(hex.charAt(1), 16)) * 4;
        int checksum = Integer.parseInt(hex.substring(2 * ihl + 4, 2 * ihl + 8), 16);
        checksums.computeIfAbsent(destination, d -> new java.util.HashSet<>()).add(checksum);
      }
      Matcher m = ECHO.matcher(line);
      destination = m.find() ? m.group(1) : null;
      hex.setLength(0);
    }
    Files.deleteIfExists(capture);
    assertThat(checksums.keySet()).hasSize(10);
    assertThat(checksums.values()).allSatisfy(set -> assertThat(set).containsExactly(0xfffe));
  }

  private static final Pattern SYN = Pattern.compile(
      " IP6? ([0-9a-f.:]+)\\.(\\d+) > ([0-9a-f.:]+)\\.(\\d+): Flags \\[S\\], seq (\\d+),");

  /**
   * TCP with --paris: every SYN to one destination on one flow (both ports held), each told apart
   * by its sequence number alone; all ten destinations still reached.
   */
  @ParameterizedTest
  @CsvSource({"IPV4", "IPV6"})
  void tcpParisHoldsThePortsAndVariesTheSequence(IpFamily family) throws Exception {
    Path capture = Files.createTempFile("hoptrace-bulk-", ".txt");
    String client = AddressText.of(lab.clientAddress(family));
    Process tcpdump = new ProcessBuilder("ip", "netns", "exec", lab.client().namespace(),
        "tcpdump", "-i", "any", "-nn", "-S", "-l", "tcp and src host " + client)
        .redirectOutput(capture.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ExecResult run;
    try {
      Thread.sleep(1500);
      run = bulkOf(RunAs.ROOT_RAW, targetList(lab.pathAddresses(family)), "-T", "--paris",
          "--rate", "300");
      Thread.sleep(500);
    } finally {
      tcpdump.destroy();
      tcpdump.waitFor(5, TimeUnit.SECONDS);
    }
    assertThat(run.stderr()).contains("10/10 destinations traced");
    assertThat(byDestination(run).values()).allSatisfy(r -> assertThat(r.reached()).isTrue());
    Map<String, java.util.Set<String>> flows = new HashMap<>();
    Map<String, java.util.Set<String>> sequences = new HashMap<>();
    Map<String, Integer> syns = new HashMap<>();
    for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
      Matcher m = SYN.matcher(line);
      if (m.find()) {
        String destination = m.group(3);
        flows.computeIfAbsent(destination, d -> new java.util.HashSet<>())
            .add(m.group(2) + ">" + m.group(4));
        sequences.computeIfAbsent(destination, d -> new java.util.HashSet<>()).add(m.group(5));
        syns.merge(destination, 1, Integer::sum);
      }
    }
    Files.deleteIfExists(capture);
    assertThat(flows.keySet()).hasSize(10);
    assertThat(flows.values()).allSatisfy(set -> assertThat(set).hasSize(1)
        .allSatisfy(f -> assertThat(f).endsWith(">80")));
    for (String destination : syns.keySet()) {
      assertThat(sequences.get(destination)).as("sequences to %s", destination)
          .hasSize(syns.get(destination));
    }
  }

  /** Without raw sockets bulk TCP cannot run: one line, the permission exit code, no probe. */
  @Test
  void tcpWithoutRawSocketsIsRefusedInOneLine() {
    Path jar = ItEnvironment.publicJar();
    List<String> command = new ArrayList<>(RunAs.NOBODY_UNPRIVILEGED.prefix());
    command.addAll(List.of(ItEnvironment.java().toString(), "--enable-native-access=ALL-UNNAMED",
        "-XX:-UsePerfData", "-jar", jar.toString(), "bulk", "-f", "-", "-T"));
    ExecResult run = lab.exec(lab.client(), command, targetList(), Hoptrace.HANG,
        jar.getParent());
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().strip()).hasLineCount(1).doesNotContain("Exception")
        .contains("bulk TCP probes need raw sockets (root or CAP_NET_RAW)")
        .contains("use --mode raw, or UDP (default) or ICMP (-I)");
  }

  @Test
  void ctrlCLeavesCompleteLinesAndResumeFinishesTheRest(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("targets.txt");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(list, targetList());
    List<String> command = List.of("ip", "netns", "exec", lab.client().namespace(),
        ItEnvironment.java().toString(), "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData",
        "-jar", ItEnvironment.jar().toString(), "bulk", "-f", list.toString(), "--rate", "15",
        "-w", out.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    // ip netns exec execs java in place: this pid is the JVM's.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (lines(out) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(lines(out)).as("two destinations done before the interrupt").isGreaterThan(1);
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits soon after Ctrl-C").isTrue();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isEqualTo(130);
    assertThat(log).contains("interrupted").doesNotContain("Exception");
    String written = Files.readString(out);
    assertThat(written).endsWith("\n");
    List<String> first = written.lines().toList();
    assertThat(first.size()).isBetween(2, 9);
    for (String line : first) {
      assertThat(JSON.readTree(line).get("reached").asBoolean()).isTrue();
    }

    ExecResult resumed = lab.exec(lab.client(), List.of(ItEnvironment.java().toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar", ItEnvironment.jar().toString(), "bulk",
        "-f", list.toString(), "--rate", "300", "--resume", out.toString()), "", Hoptrace.HANG,
        null);
    assertThat(resumed.succeeded()).as(resumed.describe()).isTrue();
    assertThat(resumed.stderr()).contains((10 - first.size()) + "/" + (10 - first.size())
        + " destinations traced");
    List<InetAddress> all = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      all.add(InetAddress.getByName(JSON.readTree(line).get("destination").get("address")
          .asText()));
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(targets);
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file).lines().count() : 0;
  }
}
