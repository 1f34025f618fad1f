package dev.hoptrace.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nodes owning whole prefixes: the format, its checks, and the paths traces to them take. */
class OwnedPrefixesTest {
  /** client -- core -- e1 (answers), core -- e2 (silent hosts), core -- e3 -- dst. */
  private static final String TREE = """
      name: t
      kernel-icmp: {per-second: 500000, burst: 2000}
      nodes:
        - {name: client, role: client}
        - {name: core}
        - {name: e1, prefix: [198.19.1.0/24, "2001:db8:1:1::/120"]}
        - {name: e2, prefix: 198.19.2.0/25, hosts: silent}
        - {name: e3, prefix: [198.19.3.0/24], hosts: unreachable}
        - {name: dst, role: destination, prefix: "2001:db8:1:4::/126"%s}
      links:
        - client -- core
        - core -- e1
        - core -- e2
        - core -- e3
        - e3 -- dst
      """;

  private static Scenario tree(String destinationExtra) {
    return ScenarioReader.read(TREE.formatted(destinationExtra), "t.yaml");
  }

  private static InetAddress ip(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  @Test
  void readsPrefixesTheirHostsAndTheKernelBudget() throws Exception {
    Scenario s = tree("");
    assertThat(s.node("e1").owned().prefixes()).extracting(Prefix::toString)
        .containsExactly("198.19.1.0/24", "2001:db8:1:1::/120");
    assertThat(s.node("e1").owned().hosts()).isEqualTo(OwnedPrefixes.Hosts.ANSWER);
    assertThat(s.node("e2").owned().hosts()).isEqualTo(OwnedPrefixes.Hosts.SILENT);
    assertThat(s.node("e3").owned().hosts()).isEqualTo(OwnedPrefixes.Hosts.UNREACHABLE);
    assertThat(s.prefixOwner(ip("198.19.2.127")).orElseThrow().name()).isEqualTo("e2");
    assertThat(s.prefixOwner(ip("198.19.2.128"))).isEmpty();
    assertThat(s.prefixOwner(ip("2001:db8:1:4::3")).orElseThrow().name()).isEqualTo("dst");
    assertThat(s.kernelIcmp()).isEqualTo(new KernelIcmpBudget(500_000, 2000));
    assertThat(ScenarioReader.read(TREE.formatted("").replace("kernel-icmp: {per-second: 500000,"
        + " burst: 2000}\n", ""), "t.yaml").kernelIcmp()).isEqualTo(KernelIcmpBudget.DEFAULT);
  }

  @Test
  void pathsEndAsTheHostsOfThePrefixAnswer() throws Exception {
    Scenario s = tree("");
    PathGraph answered = PathGraph.to(s, ip("198.19.1.200"));
    assertThat(answered.end()).isEqualTo(PathGraph.End.REACHED);
    assertThat(answered.interfaces()).containsExactly(
        java.util.Map.entry(1, Set.of(ip("198.18.1.2"))),
        java.util.Map.entry(2, Set.of(ip("198.19.1.200"))));

    PathGraph silent = PathGraph.to(s, ip("198.19.2.5"));
    assertThat(silent.end()).isEqualTo(PathGraph.End.SILENT);
    assertThat(silent.ownerTtl()).isEqualTo(2);
    assertThat(silent.interfaces()).containsOnlyKeys(1);

    // Time Exceeded from e3 at its own hop, Host Unreachable from the same interface one later.
    PathGraph unreachable = PathGraph.to(s, ip("198.19.3.9"));
    assertThat(unreachable.end()).isEqualTo(PathGraph.End.UNREACHABLE);
    assertThat(unreachable.interfaces().get(2)).containsExactly(ip("198.18.4.2"));
    assertThat(unreachable.interfaces().get(3)).containsExactly(ip("198.18.4.2"));
    assertThat(unreachable.depth()).isEqualTo(3);

    PathGraph behindDestination = PathGraph.to(s, ip("2001:db8:1:4::1"));
    assertThat(behindDestination.depth()).isEqualTo(3);
    assertThat(behindDestination.interfaces().get(2)).containsExactly(ip("2001:db8:0:4::2"));
    assertThat(behindDestination.interfaces().get(3)).containsExactly(ip("2001:db8:1:4::1"));

    // A link address is its node's; the destination's own graph is unchanged.
    assertThat(PathGraph.to(s, ip("198.18.5.2")).interfaces())
        .isEqualTo(PathGraph.of(s, false).interfaces());
    assertThatThrownBy(() -> PathGraph.to(s, ip("198.19.9.9")))
        .hasMessageContaining("no node of scenario t has 198.19.9.9");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "', prefix: 198.19.4.1/24'      | t.yaml.nodes[5].prefix: 198.19.4.1/24 has host bits set; write 198.19.4.0/24",
      "', prefix: banana'             | t.yaml.nodes[5].prefix: expected a prefix such as 198.19.16.0/20",
      "', prefix: 10.0.0.0/8'         | t.yaml: t: dst owns 10.0.0.0/8, outside the lab range 198.18.0.0/15",
      "', prefix: 198.18.3.0/24'      | dst owns 198.18.3.0/24, which overlaps link core -- e2 (198.18.3.0/24)",
      "', prefix: 198.19.1.128/25'    | dst owns 198.19.1.128/25, which overlaps a prefix of e1 (198.19.1.0/24)",
      "', prefix: 198.18.0.0/15'      | dst owns 198.18.0.0/15, which overlaps link client -- core",
      "', prefix: \"2001:db8::/48\"'  | overlaps link client -- core (2001:db8:0:1::/64)",
      "', prefix: 198.19.4.0/24, hosts: unreachable' | 'hosts: unreachable' needs a router",
      "', hosts: silent'              | and there is no 'prefix'",
      "', prefix: 198.19.4.0/24, hosts: loud' | t.yaml.nodes[5].hosts: expected one of",
      "', prefix: []'                 | expected one or more prefixes",
  })
  void badPrefixesSayWhatIsWrongOnOneLine(String destinationExtra, String message) {
    // Every message above replaces dst's own prefix (a second 'prefix' key is a YAML error).
    String extra = destinationExtra;
    String text = TREE.formatted("").replace(", prefix: \"2001:db8:1:4::/126\"", extra);
    assertThatThrownBy(() -> ScenarioReader.read(text, "t.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theClientOwnsNothingAndBudgetsHaveBounds() {
    assertThatThrownBy(() -> ScenarioReader.read(TREE.formatted("").replace(
        "{name: client, role: client}", "{name: client, role: client, prefix: 198.19.9.0/24}"),
        "t.yaml")).hasMessageContaining("'prefix' does not apply to a client");
    assertThatThrownBy(() -> ScenarioReader.read(TREE.formatted("").replace("500000",
        "5000000"), "t.yaml")).hasMessageContaining("out of range 1..1000000");
    assertThatThrownBy(() -> ScenarioReader.read(TREE.formatted("").replace("family: ipv4", "")
        .replace("name: t\n", "name: t\nfamily: ipv4\n"), "t.yaml"))
        .hasMessageContaining("owns 2001:db8:1:1::/120 but the scenario carries no IPv6");
  }

  @Test
  void prefixesCountAndListTheirAddresses() {
    Prefix v4 = Prefix.parse("198.19.2.0/25");
    assertThat(v4.size()).isEqualTo(BigInteger.valueOf(128));
    assertThat(v4.address(BigInteger.valueOf(127)).getHostAddress()).isEqualTo("198.19.2.127");
    Prefix v6 = Prefix.parse("2001:db8:1:1::/120");
    assertThat(v6.address(BigInteger.valueOf(255)).getHostAddress()).isEqualTo("2001:db8:1:1:0:0:0:ff");
    assertThat(v6.contains(v4.network())).isFalse();
    assertThat(List.of(Prefix.parse("198.19.0.0/16").overlaps(v4), v4.overlaps(Prefix.parse("198.19.2.128/25"))))
        .containsExactly(true, false);
  }

  @Test
  void targetListsHoldEveryOwnedAddressOrASeededSample() throws Exception {
    Scenario s = tree("");
    List<InetAddress> v4 = ScenarioTargets.all(s, false);
    assertThat(v4).hasSize(256 + 128 + 256);
    assertThat(v4.getFirst()).isEqualTo(ip("198.19.1.0"));
    assertThat(v4.getLast()).isEqualTo(ip("198.19.3.255"));
    assertThat(ScenarioTargets.all(s, true)).hasSize(256 + 4);
    List<InetAddress> sample = ScenarioTargets.sample(s, false, 100, 7);
    assertThat(sample).hasSize(100).doesNotHaveDuplicates().allMatch(v4::contains)
        .isEqualTo(ScenarioTargets.sample(s, false, 100, 7));
    assertThat(sample).isNotEqualTo(ScenarioTargets.sample(s, false, 100, 8));
  }
}
