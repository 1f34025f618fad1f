package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;

/** How scenarios become nft rules and routes, and what the lab refuses (no root needed). */
class ScenarioRulesTest {

  private static String rules(String scenario, String node) {
    Scenario s = ScenarioLibrary.load(scenario);
    return NodeRules.script(s, node, new ScenarioRoutes(s));
  }

  @Test
  void withoutAnEmulatorRefusesWhatNeedsOneBeforeTouchingAnything() {
    LabOptions kernelOnly = LabOptions.DEFAULT.withEmulator(EmulatedLinkFactory.NONE);
    for (String name : new String[] {"mpls", "transatlantic", "lossy", "home-isp-cdn"}) {
      assertThatThrownBy(() -> Lab.start(ScenarioLibrary.load(name), kernelOnly))
          .isInstanceOf(LabException.class).hasMessageContaining("needs the link emulator");
    }
    assertThat(Lab.refusals(ScenarioLibrary.load("transatlantic"), EmulatedLinkFactory.NONE))
        .contains("link lon1 -- nyc1 (delay 35 ms, jitter 500 µs) needs the link emulator");
    assertThat(Lab.refusals(ScenarioLibrary.load("mpls"), EmulatedLinkFactory.NONE))
        .containsExactly("link pe1 -- p1 -- p2 -- pe2 (p1 reports MPLS labels, p2 reports MPLS "
            + "labels) needs the link emulator");
    assertThat(Lab.refusals(ScenarioLibrary.load("ecmp-diamond"), EmulatedLinkFactory.NONE))
        .isEmpty();
  }

  @Test
  void theTunEmulatorBuildsEveryLibraryScenario() {
    for (String name : ScenarioLibrary.names()) {
      assertThat(Lab.refusals(ScenarioLibrary.load(name), LabOptions.DEFAULT.emulator()))
          .as(name).isEmpty();
    }
  }

  @Test
  void mplsRoutersNextToEachOtherShareOnePathAndParallelOnesHaveTheirOwn() {
    assertThat(EmulatedLinks.paths(ScenarioLibrary.load("mpls"))).singleElement()
        .satisfies(p -> {
          assertThat(p.nodes()).containsExactly("pe1", "p1", "p2", "pe2");
          assertThat(p.interfaceA()).isEqualTo("link2");
          assertThat(p.interfaceB()).isEqualTo("link4");
        });
    assertThat(EmulatedLinks.paths(ScenarioLibrary.load("home-isp-cdn")))
        .extracting(EmulatedPath::toString).containsExactly("link client -- home",
            "link home -- bng", "link bng -- pe1", "link pe1 -- p1a -- pe2",
            "link pe1 -- p1b -- pe2", "link pe2 -- edge1", "link edge1 -- edge2",
            "link edge2 -- cdn");
    // Loss alone stays on a veth with nft; delay or jitter make the link an emulated one.
    assertThat(EmulatedLinks.paths(ScenarioLibrary.load("lossy"))).hasSize(5);
  }

  @Test
  void refusesAnMplsRouterThatIsMoreThanATransitHop() {
    Scenario scenario = dev.hoptrace.scenario.ScenarioReader.read(String.join("\n",
        "name: mpls-branch",
        "nodes:",
        "  - {name: client, role: client}",
        "  - {name: p, mpls: [{label: 100}], nat: masquerade}",
        "  - {name: r1}",
        "  - {name: r2}",
        "  - {name: r3}",
        "  - {name: dst, role: destination}",
        "links:",
        "  - client -- p",
        "  - p -- r1",
        "  - p -- r2",
        "  - r1 -- r3",
        "  - r2 -- r3",
        "  - r3 -- dst"), "mpls-branch.yaml");
    assertThat(Lab.refusals(scenario, LabOptions.DEFAULT.emulator())).containsExactly(
        "router p reports MPLS labels but has 3 links: the link emulator builds such a router "
            + "only as a transit hop between two neighbours",
        "router p reports MPLS labels and has nat: an emulated router hop only forwards "
            + "and answers from its link addresses");
    assertThatThrownBy(() -> Lab.start(scenario)).isInstanceOf(LabException.class)
        .hasMessageContaining("but has 3 links");
  }

  @Test
  void silentAndRateLimitedRoutersActOnTheErrorsTheySend() {
    assertThat(rules("silent-hop", "r3")).contains("hook output")
        .contains("icmp type { destination-unreachable, time-exceeded } drop")
        .contains("icmpv6 type { destination-unreachable, time-exceeded } drop");
    assertThat(rules("rate-limited", "r3"))
        .contains("limit icmp_errors { rate over 2/second burst 2 packets }")
        .contains("limit name \"icmp_errors\" drop");
    assertThat(RouterRules.rate(2.5)).isEqualTo("150/minute");
    assertThat(rules("linear", "r3")).isEqualTo(NodeRules.render(java.util.List.of()));
  }

  @Test
  void filtersNatAndReplyFromActTowardTheDestination() {
    assertThat(rules("firewall", "r4")).contains("hook forward").contains("oifname { \"link5\" } drop");
    assertThat(rules("unreachable", "r3"))
        .contains("meta nfproto ipv4 oifname { \"link4\" } reject with icmp type host-unreachable")
        .contains("meta nfproto ipv6 oifname { \"link4\" } reject with icmpv6 type addr-unreachable");
    assertThat(rules("nat", "home")).contains("oifname { \"link2\" } masquerade");
    assertThat(rules("reply-from", "r2")).contains("ip saddr set 198.19.255.2")
        .contains("ip6 saddr set 2001:db8:ffff::2");
  }

  @Test
  void aStatelessNatRewritesTheClientsAddressBothWaysAndARouterReMarksDscp() {
    assertThat(rules("anatomy", "cpe"))
        .contains("hook postrouting priority 100")
        .contains("oifname \"link2\" ip saddr 198.18.1.1 ip saddr set 198.18.2.1")
        .contains("oifname \"link2\" ip6 saddr 2001:db8:0:1::1 ip6 saddr set 2001:db8:0:2::1")
        .contains("hook prerouting priority -300")
        .contains("iifname \"link2\" ip daddr 198.18.2.1 ip daddr set 198.18.1.1")
        .contains("icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept")
        .doesNotContain("masquerade");
    assertThat(rules("anatomy", "isp")).contains("hook forward")
        .contains("oifname { \"link3\" } ip dscp set 46")
        .contains("oifname { \"link3\" } ip6 dscp set 46");
    assertThat(EmulatedLinks.paths(ScenarioLibrary.load("anatomy"))).singleElement()
        .satisfies(p -> assertThat(p.routers()).containsExactly("core"));
  }

  @Test
  void destinationAnswersPerProtocol() {
    assertThat(rules("firewalled-destination", "dst")).contains("meta l4proto udp drop")
        .contains("icmp type echo-request drop").contains("tcp dport { 443 } accept")
        .contains("meta l4proto tcp drop");
  }

  @Test
  void balancingRoutesAreMultipathOrPerPacketTables() {
    Scenario diamond = ScenarioLibrary.load("ecmp-diamond");
    assertThat(new ScenarioRoutes(diamond).routes("r1", IpFamily.IPV4)).contains(
        "route add 198.18.8.0/24 nexthop via 198.18.2.2 dev link2 nexthop via 198.18.3.2 dev link3");
    Scenario perPacket = ScenarioLibrary.load("per-packet");
    ScenarioRoutes routes = new ScenarioRoutes(perPacket);
    assertThat(routes.rules("r1")).containsExactly(
        "rule add fwmark 1/255 table 101 priority 101", "rule add fwmark 2/255 table 102 priority 102");
    assertThat(routes.routes("r1", IpFamily.IPV6)).contains(
        "route add 2001:db8:0:6::/64 via 2001:db8:0:2::2 dev link2 table 101",
        "route add 2001:db8:0:6::/64 via 2001:db8:0:3::2 dev link3 table 102");
    assertThat(rules("per-packet", "r1")).contains(
        "ip daddr { 198.18.6.0/24 } meta mark set numgen inc mod 2 offset 1");
  }

  @Test
  void hopPlanKnowsEveryBranch() {
    HopPlan plan = new HopPlan(ScenarioLibrary.load("ecmp-diamond"));
    assertThat(plan.destinationTtl()).isEqualTo(5);
    assertThat(plan.addresses(4, IpFamily.IPV4)).extracting(AddressText::of)
        .containsExactly("198.18.6.2", "198.18.7.2");
    assertThat(new HopPlan(ScenarioLibrary.load("reply-from")).addresses(2, IpFamily.IPV6))
        .extracting(AddressText::of).containsExactly("2001:db8:ffff::2");
  }

  @Test
  void ownedPrefixesAreRoutedTowardTheirOwnerAndLocalThere() {
    Scenario s = dev.hoptrace.scenario.ScenarioReader.read("""
        name: t
        kernel-icmp: {per-second: 400000}
        nodes:
          - {name: client, role: client}
          - {name: core}
          - {name: e1, prefix: [198.19.1.0/24, "2001:db8:1:1::/120"]}
          - {name: e2, prefix: [198.19.2.0/24], hosts: silent}
          - {name: e3, prefix: [198.19.3.0/24, "2001:db8:1:3::/120"], hosts: unreachable}
          - {name: dst, role: destination, prefix: 198.19.4.0/24}
        links:
          - client -- core
          - core -- e1
          - core -- e2
          - core -- e3
          - e3 -- dst
        """, "t.yaml");
    ScenarioRoutes routes = new ScenarioRoutes(s);
    assertThat(routes.routes("core", IpFamily.IPV4)).contains(
        "route add 198.19.1.0/24 via 198.18.2.2 dev link2",
        "route add 198.19.2.0/24 via 198.18.3.2 dev link3",
        "route add 198.19.4.0/24 via 198.18.4.2 dev link4");
    assertThat(routes.routes("core", IpFamily.IPV6)).contains(
        "route add 2001:db8:1:1::/120 via 2001:db8:0:2::2 dev link2");
    assertThat(routes.routes("e1", IpFamily.IPV4)).contains("route add local 198.19.1.0/24 dev lo");
    assertThat(routes.routes("e3", IpFamily.IPV6)).contains("route add 2001:db8:1:3::/120 dev nowhere");
    assertThat(routes.routes("dst", IpFamily.IPV4)).containsExactly(
        "route add 198.18.0.0/15 via 198.18.5.1", "route add local 198.19.4.0/24 dev lo");
    assertThat(rules(s, "e1")).doesNotContain("owned_prefixes");
    assertThat(rules(s, "e2")).contains("hook input").contains("ip daddr { 198.19.2.0/24 } drop");
    assertThat(rules(s, "e3")).contains("hook forward")
        .contains("ip daddr { 198.19.3.0/24 } reject with icmp type host-unreachable")
        .contains("ip6 daddr { 2001:db8:1:3::/120 } reject with icmpv6 type addr-unreachable");
  }

  private static String rules(Scenario s, String node) {
    return NodeRules.script(s, node, new ScenarioRoutes(s));
  }
}
