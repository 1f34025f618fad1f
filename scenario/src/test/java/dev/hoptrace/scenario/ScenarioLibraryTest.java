package dev.hoptrace.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in library: every file loads, and together they cover every behaviour. */
class ScenarioLibraryTest {

  @Test
  void everyBuiltInScenarioLoadsUnderItsOwnName() {
    assertThat(ScenarioLibrary.names()).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
    for (String name : ScenarioLibrary.names()) {
      Scenario s = ScenarioLibrary.load(name);
      assertThat(s.name()).isEqualTo(name);
      assertThat(s.description()).isNotBlank();
      assertThat(Routes.of(s).hopsToDestination(s.client().name())).isPositive();
    }
  }

  @Test
  void theLibraryCoversEveryBehaviour() {
    var all = ScenarioLibrary.names().stream().map(ScenarioLibrary::load).toList();
    var routers = all.stream().flatMap(s -> s.nodes().values().stream()).map(Node::router).toList();
    var links = all.stream().flatMap(s -> s.links().stream()).toList();

    Set<IcmpPolicy.Kind> icmp = routers.stream().map(r -> r.icmp().kind()).collect(Collectors.toSet());
    assertThat(icmp).isEqualTo(EnumSet.allOf(IcmpPolicy.Kind.class));
    assertThat(routers).anyMatch(r -> r.nat() == RouterBehaviour.Nat.MASQUERADE);
    assertThat(routers).anyMatch(r -> r.nat() == RouterBehaviour.Nat.STATELESS);
    assertThat(routers).anyMatch(r -> r.dscp().isPresent());
    assertThat(routers).anyMatch(r -> !r.interfaces().isEmpty());
    assertThat(routers).anyMatch(r -> !r.mpls().isEmpty());
    assertThat(routers).anyMatch(r -> r.replyFromV4().isPresent() && r.replyFromV6().isPresent());
    assertThat(routers).anyMatch(r -> r.filter().kind() == Filter.Kind.DROP);
    assertThat(routers).anyMatch(r -> r.filter().kind() == Filter.Kind.REJECT);
    assertThat(routers).anyMatch(r -> r.balancing() == RouterBehaviour.Balancing.PER_PACKET);
    assertThat(links).anyMatch(l -> l.delay().toMillis() >= 35);
    assertThat(links).anyMatch(l -> l.jitter().toNanos() > 0);
    assertThat(links).anyMatch(l -> l.loss() > 0);
    assertThat(links).anyMatch(l -> l.mtu() < Link.DEFAULT_MTU);
    // Per-flow ECMP with fan-outs of 2 and 4.
    Set<Integer> fanOuts = all.stream().flatMap(s -> s.nodes().keySet().stream()
        .map(n -> Routes.of(s).nextHopsToDestination(n).size())).collect(Collectors.toSet());
    assertThat(fanOuts).contains(2, 4);
    var destinations = all.stream().map(s -> s.destination().destination()).toList();
    assertThat(destinations).anyMatch(d -> !d.icmp());
    assertThat(destinations).anyMatch(d -> d.udp() == DestinationBehaviour.UdpAnswer.SILENT);
    assertThat(destinations).anyMatch(d -> d.tcp(443) == DestinationBehaviour.TcpAnswer.OPEN);
  }
}
