package dev.hoptrace.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {
  private static final String BASE = """
      name: t
      nodes:
        - {name: client, role: client}
        - {name: r1%s}
        - {name: dst, role: destination%s}
      links:
        - client -- r1
        - %s
      """;

  private static Scenario read(String router, String destination, String link) {
    return ScenarioReader.read(BASE.formatted(router, destination, link), "t.yaml");
  }

  @Test
  void readsEveryRouterAndLinkProperty() {
    Scenario s = read(", icmp: {rate: 10/s, burst: 4}, mpls: [{label: 16005, tc: 5}, {label: 3}],"
        + " nat: masquerade, balance: per-packet, filter: reject-admin,"
        + " reply-from: {ipv4: 198.19.255.1}",
        ", udp: silent, icmp: silent, tcp: {default: silent, open: [443], refused: [22]}",
        "{between: r1 -- dst, delay: 1.5ms, jitter: 250us, loss: 2%, mtu: 1400}");
    RouterBehaviour r = s.node("r1").router();
    assertThat(r.icmp()).isEqualTo(IcmpPolicy.rateLimited(10, 4));
    assertThat(r.mpls()).containsExactly(new MplsLabelStackEntry(16005, 5, false, 1),
        new MplsLabelStackEntry(3, 0, true, 1));
    assertThat(r.nat()).isEqualTo(RouterBehaviour.Nat.MASQUERADE);
    assertThat(r.balancing()).isEqualTo(RouterBehaviour.Balancing.PER_PACKET);
    assertThat(r.filter()).isEqualTo(Filter.reject(Unreachable.ADMIN));
    assertThat(r.replyFromV4().orElseThrow().getHostAddress()).isEqualTo("198.19.255.1");
    DestinationBehaviour d = s.destination().destination();
    assertThat(d.udp()).isEqualTo(DestinationBehaviour.UdpAnswer.SILENT);
    assertThat(d.icmp()).isFalse();
    assertThat(d.tcp(443)).isEqualTo(DestinationBehaviour.TcpAnswer.OPEN);
    assertThat(d.tcp(22)).isEqualTo(DestinationBehaviour.TcpAnswer.REFUSED);
    assertThat(d.tcp(80)).isEqualTo(DestinationBehaviour.TcpAnswer.SILENT);
    Link link = s.links().get(1);
    assertThat(link.delay()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(link.jitter()).isEqualTo(Duration.ofNanos(250_000));
    assertThat(link.loss()).isEqualTo(0.02);
    assertThat(link.mtu()).isEqualTo(1400);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.family()).isEqualTo(Scenario.Family.DUAL);
  }

  @Test
  void readsPathAnatomyProperties() throws Exception {
    Scenario s = read(", nat: stateless, dscp: 46, interfaces: [{ifindex: 7, name: xe-0/0/1,"
        + " address: 198.18.2.2, mtu: 9000}, {role: outgoing, ifindex: 8}]", "", "r1 -- dst");
    RouterBehaviour r = s.node("r1").router();

    assertThat(r.nat()).isEqualTo(RouterBehaviour.Nat.STATELESS);
    assertThat(r.dscp()).hasValue(46);
    assertThat(r.interfaces()).containsExactly(
        new dev.hoptrace.packet.ext.InterfaceInformation(0, java.util.OptionalInt.of(7),
            java.util.Optional.of(java.net.InetAddress.getByName("198.18.2.2")),
            java.util.Optional.of("xe-0/0/1"), java.util.OptionalInt.of(9000)),
        new dev.hoptrace.packet.ext.InterfaceInformation(2, java.util.OptionalInt.of(8),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.OptionalInt.empty()));
    assertThat(r.reportsExtensions()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "', dscp: 64'    | ''                     | r1 -- dst          | t.yaml.nodes[1].dscp: 64 is out of range 0..63",
      "', nat: full'   | ''                     | r1 -- dst          | t.yaml.nodes[1].nat: expected one of",
      "', interfaces: [{role: incoming}]' | ''  | r1 -- dst          | needs ifindex, address, name or mtu",
      "', colour: red' | ''                     | r1 -- dst          | t.yaml.nodes[1]: unknown key 'colour'",
      "''              | ''                     | r1 -- r9           | names unknown node 'r9'",
      "''              | ''                     | r1 - dst           | a link is written 'a -- b'",
      "''              | ''                     | '{between: r1 -- dst, delay: fast}' | expected a duration",
      "''              | ''                     | '{between: r1 -- dst, loss: 150%}' | loss must be 0..100%",
      "''              | ''                     | '{between: r1 -- dst, mtu: 500}' | MTU must be 1280..9000",
      "''              | ''                     | '{between: r1 -- dst, cost: 0}' | out of range 1..100",
      "', icmp: loud'  | ''                     | r1 -- dst          | expected answer, silent or",
      "', icmp: {rate: fast}' | ''              | r1 -- dst          | expected a rate such as 10/s",
      "', udp: silent' | ''                     | r1 -- dst          | 'udp' does not apply to a router",
      "''              | ', nat: masquerade'    | r1 -- dst          | 'nat' does not apply to a destination",
      "', role: client'| ''                     | r1 -- dst          | exactly one client, this one has 2",
      "''              | ''                     | client -- dst      | the client 'client' must have exactly one link",
      "', mpls: [{label: 1048576}]' | ''        | r1 -- dst          | out of range 0..1048575",
  })
  void badFilesSayWhereAndWhat(String router, String destination, String link, String message) {
    assertThatThrownBy(() -> read(router, destination, link))
        .isInstanceOf(ScenarioException.class).hasMessageContaining(message);
  }

  @Test
  void unreachableDestinationIsRefused() {
    String text = """
        name: t
        nodes:
          - {name: client, role: client}
          - {name: r1}
          - {name: r2}
          - {name: dst, role: destination}
        links:
          - client -- r1
          - r2 -- dst
        """;
    assertThatThrownBy(() -> ScenarioReader.read(text, "t.yaml"))
        .hasMessageContaining("cannot be reached from the client");
  }

  @Test
  void notYamlSaysSo() {
    assertThatThrownBy(() -> ScenarioReader.read("name: [unclosed", "x.yaml"))
        .hasMessageStartingWith("x.yaml: not valid YAML");
  }
}
