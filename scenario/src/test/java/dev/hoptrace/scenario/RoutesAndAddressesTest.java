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
