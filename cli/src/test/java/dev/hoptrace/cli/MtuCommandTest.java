package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --mtu} as a user sees it, through the simulator's small-mtu scenario (1500 bytes to
 * router 2, 1400 after it): traceroute's F=NUM marks, the JSON, and the refusals.
 */
class MtuCommandTest {
  private final OfflineCommand command = new OfflineCommand();

  private int run(String... args) {
    command.reset();
    return command.run(args);
  }

  private List<String> lines(String... args) {
    assertThat(run(args)).as(command.stderr()).isZero();
    return command.stdout().lines().toList();
  }

  private JsonNode json(String... args) throws Exception {
    assertThat(run(args)).as(command.stderr()).isZero();
    return new ObjectMapper().readTree(command.stdout());
  }

  @Test
  void textMarksEachDropAfterTheFirstProbeSentAtTheNewSize() {
    List<String> out = lines("--scenario", "small-mtu", "--sim", "-n", "--mtu", "dst");

    assertThat(out.getFirst()).contains(", 65000 byte packets, UDP, ");
    assertThat(out.get(1)).matches(" 1  \\S+  \\d+\\.\\d{3} ms F=1500  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms");
    assertThat(out.get(2)).doesNotContain("F=");
    assertThat(out.get(3)).matches(" 3  \\S+  \\d+\\.\\d{3} ms F=1400  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms");
    assertThat(out.get(4)).doesNotContain("F=").doesNotContain("!F");
    assertThat(out).hasSize(5);
  }

  @Test
  void aGivenPacketLengthIsWhereDiscoveryStarts() {
    List<String> out = lines("--scenario", "small-mtu", "--sim", "-n", "--mtu", "-I", "-6",
        "dst", "1450");

    assertThat(out.getFirst()).contains(", 1450 byte packets, ICMP, ");
    assertThat(out.subList(1, out.size())).filteredOn(l -> l.contains("F="))
        .singleElement().satisfies(l -> assertThat(l).startsWith(" 3  ").contains("F=1400"));
  }

  @Test
  void jsonHasEachProbesSizeAndThePathMtu() throws Exception {
    JsonNode root = json("--scenario", "small-mtu", "--sim", "-o", "json", "--mtu", "-q", "1",
        "dst");

    JsonNode mtu = root.get("pathMtu");
    assertThat(mtu.get("start").asInt()).isEqualTo(65000);
    assertThat(mtu.get("mtu").asInt()).isEqualTo(1400);
    List<String> drops = new ArrayList<>();
    mtu.get("drops").forEach(d -> drops.add(d.get("ttl") + "/" + d.get("index") + ":"
        + d.get("mtu") + " " + d.get("reportedBy").asText()));
    assertThat(drops).hasSize(2);
    assertThat(drops.get(0)).startsWith("1/0:1500 ");
    assertThat(drops.get(1)).startsWith("3/0:1400 ")
        .endsWith(root.get("hops").get(1).get("probes").get(0).get("responder").asText());
    List<Integer> sizes = new ArrayList<>();
    List<String> learnt = new ArrayList<>();
    root.get("hops").forEach(h -> h.get("probes").forEach(p -> {
      sizes.add(p.get("size").asInt());
      learnt.add(p.get("learnedMtu").asText());
    }));
    assertThat(sizes).containsExactly(1500, 1500, 1400, 1400);
    assertThat(learnt).containsExactly("1500", "null", "1400", "null");

    JsonNode plain = json("--scenario", "small-mtu", "--sim", "-o", "json", "dst");
    assertThat(plain.has("pathMtu")).isFalse();
    assertThat(plain.get("hops").get(0).get("probes").get(0).has("size")).isFalse();
  }

  @Test
  void unprivilegedTcpIsRefusedInOneLineByTheTraceAndTheReport() {
    assertThat(run("--scenario", "small-mtu", "--sim", "--mode", "unprivileged", "-T", "--mtu",
        "dst")).isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr().lines()).singleElement().asString()
        .contains("--mtu", "unprivileged TCP", "raw mode");

    assertThat(run("report", "--scenario", "small-mtu", "--sim", "--mode", "unprivileged", "-T",
        "-c", "1", "--mtu", "dst")).isEqualTo(ExitCode.USAGE);
    // After the scenario's own line, which says where it would have run.
    assertThat(command.stderr().lines().filter(l -> !l.startsWith("hoptrace: scenario")))
        .singleElement().asString().contains("--mtu", "unprivileged TCP", "raw mode");
  }

  @Test
  void reportTextMarksTheDropUnderTheHopItReachedAndNamesThePathMtu() {
    List<String> out = lines("report", "--scenario", "small-mtu", "--sim", "-n", "-c", "2",
        "--mtu", "dst");

    List<String> marks = out.stream().filter(l -> l.contains("F=")).toList();
    assertThat(marks).hasSize(3);
    // Each mark line sits under its hop's row: F=1500 (the client's own link) under hop 1,
    // F=1400 (the link after router 2) under hop 3.
    assertThat(out.get(out.indexOf(marks.get(0)) - 1)).startsWith(" 1.|-- ");
    assertThat(marks.get(0).strip()).isEqualTo("F=1500");
    assertThat(out.get(out.indexOf(marks.get(1)) - 1)).startsWith(" 3.|-- ");
    assertThat(marks.get(1).strip()).isEqualTo("F=1400");
    assertThat(marks.get(2)).startsWith("Path MTU: 1400 ").contains("65000");
    // The rounds themselves probe at the usual size, so no hop is lost to the narrow link.
    assertThat(out.stream().filter(l -> l.matches(" *\\d+\\.\\|-- .*"))).hasSize(4)
        .allSatisfy(l -> assertThat(l).contains(" 0.0%"));
    assertThat(out).noneMatch(l -> l.contains("!F"));
  }

  @Test
  void reportJsonHasThePathMtuAndEachHopsLearnedMtu() throws Exception {
    JsonNode root = json("report", "--scenario", "small-mtu", "--sim", "-c", "1", "-o", "json",
        "--mtu", "dst");

    JsonNode target = root.get("reports").get(0);
    assertThat(target.get("packetLength").asInt()).isEqualTo(60);
    JsonNode mtu = target.get("pathMtu");
    assertThat(mtu.get("start").asInt()).isEqualTo(65000);
    assertThat(mtu.get("mtu").asInt()).isEqualTo(1400);
    assertThat(mtu.get("drops").get(1).get("ttl").asInt()).isEqualTo(3);
    assertThat(mtu.get("drops").get(1).get("reportedBy").asText())
        .isEqualTo(target.get("hops").get(1).get("responders").get(0).get("address").asText());
    List<String> learnt = new ArrayList<>();
    target.get("hops").forEach(h -> learnt.add(h.get("ttl") + ":" + h.get("learnedMtu")));
    assertThat(learnt).containsExactly("1:1500", "2:null", "3:1400", "4:null");

    JsonNode plain = json("report", "--scenario", "small-mtu", "--sim", "-c", "1", "-o", "json",
        "dst").get("reports").get(0);
    assertThat(plain.has("pathMtu")).isFalse();
    assertThat(plain.get("hops").get(0).has("learnedMtu")).isFalse();
  }

  @Test
  void reportCsvHasALearnedMtuColumnLast() {
    List<String> out = lines("report", "--scenario", "small-mtu", "--sim", "-c", "1", "-o", "csv",
        "--mtu", "dst");

    assertThat(out.getFirst()).endsWith(",Learned_Mtu");
    List<String> byHop = out.subList(1, out.size()).stream()
        .map(l -> l.split(",", -1)).map(f -> f[3] + ":" + f[f.length - 1]).toList();
    assertThat(byHop).containsExactly("1:1500", "2:", "3:1400", "4:");

    assertThat(lines("report", "--scenario", "small-mtu", "--sim", "-c", "1", "-o", "csv", "dst")
        .getFirst()).doesNotContain("Mtu");
  }
}
