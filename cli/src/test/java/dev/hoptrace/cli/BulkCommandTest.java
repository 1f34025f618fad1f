package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoptrace bulk} through the simulator ({@code --sim}), as a user runs it: a target file of
 * node names, addresses and comments; results compared with one-shot {@code -o json} traces.
 */
class BulkCommandTest {
  private static final String TEN_TARGETS = Path.of("..", "bench", "scenarios", "ten-targets.yaml")
      .toAbsolutePath().normalize().toString();
  private static final List<String> NODES =
      List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "dst");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OfflineCommand command = new OfflineCommand();
  @TempDir Path dir;

  private Path targets(String... lines) throws Exception {
    Path file = dir.resolve("targets-" + System.nanoTime() + ".txt");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  private List<JsonNode> lines(String text) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : text.lines().toList()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  /** Per hop: the responders of its probes in order ("*" for none). */
  private static List<List<String>> path(JsonNode trace) {
    List<List<String>> hops = new ArrayList<>();
    for (JsonNode hop : trace.get("hops")) {
      List<String> probes = new ArrayList<>();
      hop.get("probes").forEach(p -> probes.add(p.get("responder").isNull() ? "*"
          : p.get("responder").asText()));
      hops.add(probes);
    }
    return hops;
  }

  @Test
  void oneLinePerDestinationEqualToOneShotTraces() throws Exception {
    List<String> file = new ArrayList<>(List.of("# every node of the scenario", ""));
    NODES.forEach(n -> file.add(n + "   # node " + n));
    int code = command.run("bulk", "--scenario", TEN_TARGETS, "--sim", "-f",
        targets(file.toArray(String[]::new)).toString(), "--rate", "500");
    assertThat(code).as(command.stderr()).isZero();
    List<JsonNode> bulk = lines(command.stdout());
    assertThat(bulk).hasSize(NODES.size());
    assertThat(command.stderr()).contains("hoptrace: bulk: 10 destinations, at most 500 probes/s")
        .contains("10/10 destinations traced");
    Map<String, JsonNode> byHost = new HashMap<>();
    bulk.forEach(t -> byHost.put(t.get("destination").get("host").asText(), t));
    assertThat(byHost.keySet()).containsExactlyInAnyOrderElementsOf(NODES);
    for (String node : NODES) {
      command.reset();
      assertThat(command.run("--scenario", TEN_TARGETS, "--sim", "-n", "-o", "json", node))
          .as(command.stderr()).isZero();
      JsonNode single = JSON.readTree(command.stdout());
      JsonNode many = byHost.get(node);
      assertThat(path(many)).as("hops to %s", node).isEqualTo(path(single));
      assertThat(many.get("destination").get("address"))
          .isEqualTo(single.get("destination").get("address"));
      assertThat(many.get("reached").asBoolean()).isTrue();
      assertThat(many.get("stopReason")).isEqualTo(single.get("stopReason"));
      assertThat(many.get("hops").size()).isEqualTo(NODES.indexOf(node) + 1);
    }
  }

  @Test
  void atlasResultsCarryTheFieldsAtlasCodeReads() throws Exception {
    assertThat(command.run("bulk", "--scenario", TEN_TARGETS, "--sim", "-I", "-q", "2",
        "-o", "atlas", "-f", targets("r2", "dst").toString())).as(command.stderr()).isZero();
    List<JsonNode> results = lines(command.stdout());
    assertThat(results).hasSize(2);
    for (JsonNode r : results) {
      assertThat(r.get("fw").asInt()).isEqualTo(5000);
      assertThat(r.get("af").asInt()).isEqualTo(4);
      assertThat(r.get("proto").asText()).isEqualTo("ICMP");
      assertThat(r.get("type").asText()).isEqualTo("traceroute");
      assertThat(r.get("dst_addr").asText()).startsWith("198.18.");
      assertThat(r.get("src_addr").asText()).startsWith("198.18.");
      assertThat(r.get("endtime").asLong()).isGreaterThanOrEqualTo(r.get("timestamp").asLong());
      JsonNode last = r.get("result").get(r.get("result").size() - 1);
      assertThat(last.get("result")).hasSize(2);
      // The destination's echo reply: from the destination, an RTT and a TTL, no error.
      JsonNode reply = last.get("result").get(0);
      assertThat(reply.get("from").asText()).isEqualTo(r.get("dst_addr").asText());
      assertThat(reply.get("rtt").isNumber()).isTrue(); // 0 here: the scenario has no delays
      assertThat(reply.get("ttl").asInt()).isPositive();
      assertThat(reply.has("err")).isFalse();
      assertThat(r.get("result").get(0).get("hop").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aBadLineIsNamedAndNothingIsSent() throws Exception {
    Path file = targets("r1", "# fine so far", "not an address!", "r2");
    assertThat(command.run("bulk", "--scenario", TEN_TARGETS, "--sim", "-f", file.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(command.stdout()).isEmpty();
    assertThat(command.stderr().strip()).startsWith("hoptrace: " + file + " line 3: 'not an"
        + " address!' is not an address, a name or a CIDR prefix").doesNotContain("Exception")
        .hasLineCount(1);
  }

  @Test
  void prefixesAreCappedAndMustBeNetworks() throws Exception {
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "-f",
        targets("198.18.0.0/15").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("line 1: 198.18.0.0/15 holds 2^17 addresses; at most"
        + " 65536 per line (/16): split it");
    command.reset();
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "-f",
        targets("198.18.1.5/30").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("198.18.1.5/30 has host bits set; did you mean"
        + " 198.18.1.4/30?");
  }

  @Test
  void aPrefixStandsForEveryAddressInIt() throws Exception {
    // client -- r1 is 198.18.0.0/30 in the address plan: .1 the client, .2 r1.
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--wait", "0.5",
        "-f", targets("198.18.0.0/30").toString())).as(command.stderr()).isZero();
    List<JsonNode> results = lines(command.stdout());
    assertThat(results).extracting(r -> r.get("destination").get("address").asText())
        .containsExactlyInAnyOrder("198.18.0.0", "198.18.0.1", "198.18.0.2", "198.18.0.3");
  }

  @Test
  void resumeSkipsWhatTheFileHoldsAndDropsACutLine() throws Exception {
    Path out = dir.resolve("out.jsonl");
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--resume",
        out.toString(), "-f", targets("r1", "r2", "r3").toString())).as(command.stderr())
        .isZero();
    assertThat(command.stdout()).isEmpty();
    assertThat(Files.readAllLines(out)).hasSize(3);
    // A crash mid-line leaves half a result behind.
    Files.writeString(out, "{\"hoptrace\":\"x\",\"destination\":{\"host\":\"r4\",\"addr",
        StandardOpenOption.APPEND);
    command.reset();
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--resume",
        out.toString(), "-f", targets("r1", "r2", "r3", "r4", "r5").toString()))
        .as(command.stderr()).isZero();
    assertThat(command.stderr()).contains("2/2 destinations traced");
    List<JsonNode> all = lines(Files.readString(out));
    assertThat(all).extracting(r -> r.get("destination").get("host").asText())
        .containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5");
    command.reset();
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--resume",
        out.toString(), "-f", targets("r1", "r5").toString())).isZero();
    assertThat(command.stderr()).contains("nothing to trace (all 5 destinations are already in");
  }

  @Test
  void theSimulatorRefusesUnprivilegedBulkWithAReason() throws Exception {
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--mode",
        "unprivileged", "-f", targets("r1").toString())).isEqualTo(ExitCode.PERMISSION);
    assertThat(command.stderr()).contains("the simulator runs bulk traces with raw sockets only");
  }

  @Test
  void optionsOutOfRangeAreUsageErrors() throws Exception {
    Path file = targets("r1");
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "-f", file.toString(),
        "-q", "11")).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("probes per hop (-q) must be 1..10, got 11");
    command.reset();
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "-f", file.toString(),
        "--rate", "0")).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("rate (--rate) must be");
    command.reset();
    assertThat(command.run("bulk", "--scenario", TEN_TARGETS)).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("give the destinations with -f FILE");
    command.reset();
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "-f", file.toString(),
        "--method", "tcp", "--packet-length", "60")).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("bulk TCP probes are bare SYNs of 40 bytes;"
        + " --packet-length does not apply to them");
  }

  @Test
  void unprivilegedTcpIsRefusedInOneLineThatSaysWhatToUse() throws Exception {
    assertThat(command.run("bulk", "--sim", "--scenario", TEN_TARGETS, "--method", "tcp",
        "--mode", "unprivileged", "-f", targets("r1").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(command.stdout()).isEmpty();
    assertThat(command.stderr().strip()).hasLineCount(1).doesNotContain("Exception")
        .contains("bulk TCP probes need raw sockets (root or CAP_NET_RAW)")
        .contains("use --mode raw, or UDP (default) or ICMP (-I)");
  }

  @Test
  void tcpBulkTracesEqualOneShotTcpTraces() throws Exception {
    int code = command.run("bulk", "--scenario", TEN_TARGETS, "--sim", "-T", "--rate", "500",
        "-f", targets(NODES.toArray(String[]::new)).toString());
    assertThat(code).as(command.stderr()).isZero();
    assertThat(command.stderr()).contains("10/10 destinations traced");
    Map<String, JsonNode> byHost = new HashMap<>();
    lines(command.stdout()).forEach(t -> byHost.put(t.get("destination").get("host").asText(), t));
    assertThat(byHost.keySet()).containsExactlyInAnyOrderElementsOf(NODES);
    for (String node : NODES) {
      command.reset();
      assertThat(command.run("--scenario", TEN_TARGETS, "--sim", "-n", "-T", "-o", "json", node))
          .as(command.stderr()).isZero();
      JsonNode single = JSON.readTree(command.stdout());
      JsonNode many = byHost.get(node);
      assertThat(path(many)).as("hops to %s", node).isEqualTo(path(single));
      assertThat(many.get("reached").asBoolean()).isTrue();
      assertThat(many.get("stopReason")).isEqualTo(single.get("stopReason"));
      JsonNode lastSingle = single.get("hops").get(single.get("hops").size() - 1);
      JsonNode lastMany = many.get("hops").get(many.get("hops").size() - 1);
      assertThat(lastMany.get("probes").get(0).get("kind"))
          .isEqualTo(lastSingle.get("probes").get(0).get("kind"));
    }
  }

  @Test
  void atlasTcpResultsCarryTheDestinationsFlags() throws Exception {
    assertThat(command.run("bulk", "--scenario", TEN_TARGETS, "--sim", "--method", "tcp",
        "-q", "1", "-o", "atlas", "-f", targets("dst").toString())).as(command.stderr()).isZero();
    JsonNode r = lines(command.stdout()).getFirst();
    assertThat(r.get("proto").asText()).isEqualTo("TCP");
    assertThat(r.get("size").asInt()).isZero();
    JsonNode reply = r.get("result").get(r.get("result").size() - 1).get("result").get(0);
    assertThat(reply.get("from").asText()).isEqualTo(r.get("dst_addr").asText());
    assertThat(reply.get("flags").asText()).isIn("SA", "RA");
    assertThat(reply.has("err")).isFalse();
  }
}
