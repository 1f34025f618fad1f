package dev.hoptrace.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesAndAddressesTest {

  @Test
  void diamondHasTwoEqualNextHopsAndMeetsAgain() {
    Scenario s = ScenarioLibrary.load("ecmp-diamond");
    Routes routes = Routes.of(s);
    assertThat(routes.hopsToDestination("client")).isEqualTo(5);
    assertThat(routes.nextHopsToDestination("r1")).containsExactly("r2a", "r2b");
    assertThat(routes.nextHopsToDestination("r2a")).containsExactly("r3a");
    assertThat(routes.nextHopsToDestination("r4")).containsExactly("dst");
    assertThat(routes.nextHopsToClient("r4")).containsExactly("r3a", "r3b");
    assertThat(routes.nextHopsToClient("r1")).containsExactly("client");
  }

  /** A link of cost 2 makes a one-hop branch tie with a two-hop one: ECMP over unequal lengths. */
  @Test
  void linkCostsLetBranchesOfUnequalLengthTie() {
    Scenario s = ScenarioReader.read("""
        name: unequal
        nodes:
          - {name: client, role: client}
          - {name: r1}
          - {name: r2a}
          - {name: r2b}
          - {name: r3b}
          - {name: r4}
          - {name: dst, role: destination}
        links:
          - client -- r1
          - r1 -- r2a
          - r1 -- r2b
          - {between: r2a -- r4, cost: 2}
          - r2b -- r3b
          - r3b -- r4
          - r4 -- dst
        """, "unequal.yaml");
    Routes routes = Routes.of(s);
    assertThat(routes.nextHopsToDestination("r1")).containsExactly("r2a", "r2b");
    assertThat(routes.nextHopsToClient("r4")).containsExactly("r2a", "r3b");
    PathGraph graph = PathGraph.of(s, false);
    // r4 answers at TTL 3 (over the short branch) and 4, the destination at 4 and 5.
    assertThat(graph.interfaces().get(3)).contains(AddressPlan.ipv4(s.links().get(3), "r4"));
    assertThat(graph.interfaces().get(4)).contains(AddressPlan.ipv4(s.links().get(5), "r4"),
        AddressPlan.destination(s, false));
    assertThat(graph.interfaces().get(5)).containsExactly(AddressPlan.destination(s, false));
    // Without the cost the short branch alone is a shortest path.
    Scenario plain = ScenarioReader.read("""
        name: plain
        nodes:
          - {name: client, role: client}
          - {name: r1}
          - {name: r2a}
          - {name: r2b}
          - {name: r3b}
          - {name: r4}
          - {name: dst, role: destination}
        links:
          - client -- r1
          - r1 -- r2a
          - r1 -- r2b
          - r2a -- r4
          - r2b -- r3b
          - r3b -- r4
          - r4 -- dst
        """, "plain.yaml");
    assertThat(Routes.of(plain).nextHopsToDestination("r1")).containsExactly("r2a");
  }

  @Test
  void hostsDoNotForward() {
    Scenario s = ScenarioLibrary.load("linear");
    assertThat(Routes.of(s).nextHopsToDestination("dst")).isEmpty();
    assertThat(Routes.of(s).nextHopsToClient("client")).isEmpty();
  }

  @Test
  void addressesFollowLinkIndexes() {
    Scenario s = ScenarioLibrary.load("linear");
    Link first = s.links().getFirst();
    assertThat(AddressPlan.ipv4(first, "client").getHostAddress()).isEqualTo("198.18.1.1");
    assertThat(AddressPlan.ipv4(first, "r1").getHostAddress()).isEqualTo("198.18.1.2");
    assertThat(AddressPlan.ipv6(first, "r1").getHostAddress()).isEqualTo("2001:db8:0:1:0:0:0:2");
    assertThat(AddressPlan.destination(s, false).getHostAddress()).isEqualTo("198.18.7.2");
    Link far = new Link(300, "a", "b", java.time.Duration.ZERO, java.time.Duration.ZERO, 0, 1500);
    assertThat(AddressPlan.ipv4(far, "b").getHostAddress()).isEqualTo("198.19.46.2");
    assertThat(AddressPlan.ipv6(far, "a").getHostAddress()).isEqualTo("2001:db8:0:12c:0:0:0:1");
  }
}
