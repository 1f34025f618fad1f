package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinearPathTest {

  @Test
  void routersAnswerUnlessToldOtherwise() {
    LinearPath path = LinearPath.of(6).router(4, RouterBehaviour.FIREWALL);
    assertThat(path.behaviour(4)).isEqualTo(RouterBehaviour.FIREWALL);
    assertThat(path.behaviour(3)).isEqualTo(RouterBehaviour.ANSWERING);
    assertThat(path.links()).isEqualTo(7);
    assertThat(path.pingGroupOpen()).isTrue();
    assertThat(path.pingGroupClosed().pingGroupOpen()).isFalse();
  }

  @Test
  void refusesRoutersThatAreNotOnThePath() {
    assertThatThrownBy(() -> LinearPath.of(3).router(4, RouterBehaviour.SILENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no router 4");
    assertThatThrownBy(() -> LinearPath.of(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labNamesCarryTheRunIdAndTheNodeName() {
    assertThat(LabRegistry.runIdOf("ht-ab12z-r254")).contains("ab12z");
    assertThat(LabRegistry.runIdOf("ht-ab12z-client")).contains("ab12z");
    assertThat(LabRegistry.runIdOf("other-ns")).isEmpty();
    assertThat(Node.interfaceName(508).length()).isLessThanOrEqualTo(Node.MAX_INTERFACE_NAME);
  }

  @Test
  void becomesALinearScenarioWithTheSameBehaviours() {
    var scenario = LinearPath.of(3).router(2, RouterBehaviour.SILENT)
        .router(3, RouterBehaviour.rejecting(Unreachable.HOST)).scenario();
    assertThat(scenario.nodes().keySet()).containsExactly("client", "r1", "r2", "r3", "dst");
    assertThat(scenario.links()).extracting(l -> l.a() + "--" + l.b())
        .containsExactly("client--r1", "r1--r2", "r2--r3", "r3--dst");
    assertThat(scenario.node("r2").router().icmp())
        .isEqualTo(dev.hoptrace.scenario.IcmpPolicy.SILENT);
    assertThat(scenario.node("r3").router().filter())
        .isEqualTo(dev.hoptrace.scenario.Filter.reject(dev.hoptrace.scenario.Unreachable.HOST));
    HopPlan hops = new HopPlan(scenario);
    assertThat(hops.destinationTtl()).isEqualTo(4);
    assertThat(hops.addresses(2, IpFamily.IPV4)).extracting(AddressText::of)
        .containsExactly("198.18.2.2");
  }
}
