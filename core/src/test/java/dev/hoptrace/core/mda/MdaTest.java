package dev.hoptrace.core.mda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.mda.MdaSettings.Variant;
import dev.hoptrace.core.mda.MultipathResult.End;
import dev.hoptrace.core.net.NetworkException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MdaTest {
  private static final long SEED = 7;

  static List<Object[]> casesAndVariants() {
    return Topologies.all().stream()
        .flatMap(c -> java.util.Arrays.stream(Variant.values()).map(v -> new Object[] {c, v}))
        .toList();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("casesAndVariants")
  void findsEveryInterfaceAndEdge(Topologies.Case shape, Variant variant) throws Exception {
    FakeTopology topology = shape.topology();
    FakeTopology.Prober prober = topology.prober(SEED);
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withVariant(variant)).trace(prober);

    assertThat(topology.names(result.interfaces())).isEqualTo(topology.interfaces());
    if (shape.check() != Topologies.Check.INTERFACES_AND_PER_PACKET) {
      assertThat(topology.edgeNames(result.links())).isEqualTo(topology.edges());
    }
    assertThat(shape.found(result)).isTrue();
    assertThat(result.end()).isEqualTo(End.DESTINATION_REACHED);
    assertThat(result.probesSent()).isEqualTo(prober.probes());
    assertThat(result.hops().stream().mapToInt(MultipathHop::probes).sum())
        .isEqualTo(prober.probes());
  }

  /**
   * The first hop is the host's own choice and is found with one flow; each hop after it with one
   * interface costs the stopping rule's n_1 flows, no more; the destination's neighbour delivers to
   * it and needs one flow, as nothing else can follow it.
   */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void aSinglePathTakesOneFlowAtEachEndAndNOneBetween(Variant variant) throws Exception {
    FakeTopology topology = Topologies.single();
    int n1 = StoppingRule.of(0.95).target(1);
    MultipathResult result =
        new Mda(MdaSettings.DEFAULTS.withVariant(variant)).trace(topology.prober(SEED));

    assertThat(result.hops()).extracting(MultipathHop::probes).containsExactly(1, n1, n1, 1);
    assertThat(result.hops()).extracting(MultipathHop::destination)
        .containsExactly(false, false, false, true);
    assertThat(result.hops().get(1).links()).singleElement().satisfies(link -> {
      assertThat(link.from()).isEqualTo(topology.address("A"));
      assertThat(link.to()).isEqualTo(topology.address("B"));
      // One flow probed at A, the others known to pass it: A was the only first hop.
      assertThat(link.flows()).hasSize(n1);
    });
  }

  /**
   * MDA-Lite on a diamond of width w (A > B1..Bw > C > T) pays, whatever the hash: one flow for
   * the first hop, n_w for the diamond's hop (flows from A reused, the rest new), n_1 for C (all
   * reused from the hop before), or w when that is more, as each branch needs its edge into C; and
   * one flow to the destination; no per-packet rechecks, as the branches meet at once. The bound
   * follows from the rule alone.
   */
  @ParameterizedTest(name = "{0}-way at {1}")
  @CsvSource({"2, 0.95", "4, 0.95", "8, 0.95", "2, 0.99", "4, 0.99", "8, 0.99"})
  void liteOnADiamondPaysWhatTheRuleAsksAndNoMore(int width, double confidence)
      throws Exception {
    StoppingRule rule = StoppingRule.of(confidence);
    int bound = 1 + rule.target(width) + Math.max(rule.target(1), width) + 1;
    Mda lite = new Mda(
        MdaSettings.DEFAULTS.withVariant(Variant.MDA_LITE).withConfidence(confidence));
    for (long seed = 0; seed < 200; seed++) {
      FakeTopology.Prober prober = Topologies.diamond(width).prober(seed);
      MultipathResult result = lite.trace(prober);
      assertThat(prober.probes()).as("seed %d", seed).isLessThanOrEqualTo(bound);
      assertThat(result.hops()).extracting(MultipathHop::probes).first().isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void aPerPacketBalancerWhoseBranchesStayApartIsReportedAtItsHopOnly(Variant variant)
      throws Exception {
    FakeTopology topology = Topologies.perPacketApart();
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withVariant(variant))
        .trace(topology.prober(SEED));

    assertThat(topology.names(result.interfaces())).isEqualTo(topology.interfaces());
    assertThat(result.hops()).extracting(MultipathHop::perPacket)
        .containsExactly(false, true, false, false, false);
  }

  /** Where a per-packet balancer's branches meet at once, its edges need no recheck. */
  @ParameterizedTest
  @EnumSource(Variant.class)
  void aPerPacketBalancerWhoseBranchesMeetCostsNoRechecks(Variant variant) throws Exception {
    FakeTopology topology = Topologies.perPacket();
    FakeTopology.Prober prober = topology.prober(SEED);
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withVariant(variant)).trace(prober);

    assertThat(topology.edgeNames(result.links())).isEqualTo(topology.edges());
    // No flow was sent twice to one TTL: every probe at TTL 2 is a flow of its own.
    assertThat(result.hops().get(1).probes()).isEqualTo(result.hops().get(1).links().stream()
        .flatMap(link -> link.flows().stream()).distinct().count());
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void perFlowBranchesAreNotTakenForPerPacket(Variant variant) throws Exception {
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withVariant(variant))
        .trace(Topologies.nested().prober(SEED));

    assertThat(result.hops()).noneMatch(MultipathHop::perPacket);
  }

  @Test
  void unequalBranchesShowTheSameInterfaceAtTwoTtls() throws Exception {
    FakeTopology topology = Topologies.unequal();
    MultipathResult result = new Mda(MdaSettings.DEFAULTS).trace(topology.prober(SEED));

    assertThat(result.hops().get(2).interfaces()).contains(topology.address("E"));
    assertThat(result.hops().get(3).interfaces()).contains(topology.address("E"));
    assertThat(result.hops().get(3).destination()).isTrue();
    assertThat(result.hops().get(4).destination()).isTrue();
  }

  @Test
  void anEdgeAcrossASilentHopStartsWhereItsFlowsLastAnswered() throws Exception {
    FakeTopology topology = Topologies.silentInDiamond();
    MultipathResult result = new Mda(MdaSettings.DEFAULTS).trace(topology.prober(SEED));

    assertThat(result.hops().get(2).links())
        .filteredOn(link -> link.from().equals(topology.address("A")))
        .singleElement()
        .satisfies(link -> assertThat(link.fromTtl()).isEqualTo(1));
    assertThat(result.hops().get(1).silent()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void aPathThatGoesSilentEndsAfterTheGapLimit(Variant variant) throws Exception {
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withVariant(variant))
        .trace(FakeTopology.of("S>A A>B").prober(SEED));

    assertThat(result.end()).isEqualTo(End.GAP_LIMIT);
    assertThat(result.hops()).extracting(MultipathHop::ttl).containsExactly(1, 2, 3, 4, 5);
    assertThat(result.hops().subList(2, 5)).allMatch(hop -> hop.interfaces().isEmpty());
  }

  @Test
  void stopsAtTheMaximumTtl() throws Exception {
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withTtls(1, 2))
        .trace(Topologies.single().prober(SEED));

    assertThat(result.end()).isEqualTo(End.MAX_TTL);
    assertThat(result.hops()).extracting(MultipathHop::ttl).containsExactly(1, 2);
  }

  @Test
  void startsAtTheFirstTtl() throws Exception {
    FakeTopology topology = Topologies.diamond(2);
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withTtls(2, 30))
        .trace(topology.prober(SEED));

    assertThat(result.hops().getFirst().ttl()).isEqualTo(2);
    assertThat(topology.names(result.interfaces())).containsExactly("B1", "B2", "C", "T");
    assertThat(result.hops().getFirst().links()).isEmpty(); // nothing known before TTL 2
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void theBudgetEndsTheTraceEarlyAndSaysSo(Variant variant) throws Exception {
    FakeTopology.Prober prober = Topologies.diamond(8).prober(SEED);
    MultipathResult result =
        new Mda(MdaSettings.DEFAULTS.withVariant(variant).withMaxProbes(40)).trace(prober);

    assertThat(result.end()).isEqualTo(End.PROBE_BUDGET);
    assertThat(result.budgetExhausted()).isTrue();
    assertThat(result.probesSent()).isEqualTo(40).isEqualTo(prober.probes());
  }

  @Test
  void aBudgetThatSufficesIsNotReportedAsExhausted() throws Exception {
    int needed = new Mda(MdaSettings.DEFAULTS).trace(Topologies.single().prober(SEED)).probesSent();
    MultipathResult result = new Mda(MdaSettings.DEFAULTS.withMaxProbes(needed))
        .trace(Topologies.single().prober(SEED));

    assertThat(result.end()).isEqualTo(End.DESTINATION_REACHED);
  }

  @Test
  void higherConfidenceSendsMoreProbes() throws Exception {
    int at95 = new Mda(MdaSettings.DEFAULTS).trace(Topologies.diamond(4).prober(SEED)).probesSent();
    MultipathResult at99 = new Mda(MdaSettings.DEFAULTS.withConfidence(0.99))
        .trace(Topologies.diamond(4).prober(SEED));

    assertThat(at99.probesSent()).isGreaterThan(at95);
    assertThat(at99.confidence()).isEqualTo(0.99);
  }

  @Test
  void aVertexNewFlowsNeverReachIsGivenUpWithoutBurningTheBudget() throws Exception {
    // Flow 0 alone meets X at TTL 2 (a route for that one flow), so node control cannot find
    // the six flows through X that the stopping rule asks for.
    FakeTopology.Prober network = Topologies.single().prober(SEED);
    InetAddress x = InetAddress.getByAddress(new byte[] {10, 9, 9, 9});
    FlowProber prober = (ttl, flows) -> {
      Map<Integer, Answer> answers = new HashMap<>(network.probe(ttl, flows));
      if (ttl == 2 && flows.contains(0)) {
        answers.put(0, new Answer.Router(x));
      }
      return answers;
    };
    MultipathResult result = new Mda(MdaSettings.DEFAULTS).trace(prober);

    assertThat(result.end()).isEqualTo(End.DESTINATION_REACHED);
    assertThat(result.hops().get(1).interfaces()).contains(x);
    assertThat(result.hops().get(1).perPacket()).isFalse();
    assertThat(result.probesSent()).isLessThan(500); // without giving up: all 3000
  }

  @Test
  void aProberFailureEndsTheTrace() {
    FlowProber broken = (ttl, flows) -> {
      throw new NetworkException(NetworkException.Reason.PERMISSION, "no raw socket");
    };
    assertThatThrownBy(() -> new Mda(MdaSettings.DEFAULTS).trace(broken))
        .isInstanceOf(NetworkException.class)
        .hasMessage("no raw socket");
  }

  @Test
  void flowsMissingFromAnAnswerCountAsSilent() throws Exception {
    MultipathResult result = new Mda(MdaSettings.DEFAULTS).trace((ttl, flows) -> Map.of());

    assertThat(result.end()).isEqualTo(End.GAP_LIMIT);
    assertThat(result.hops()).extracting(MultipathHop::silent).containsExactly(6, 6, 6);
  }

  @Test
  void settingsRejectWhatCannotRun() {
    assertThatThrownBy(() -> MdaSettings.DEFAULTS.withTtls(5, 4))
        .hasMessageContaining("first <= max");
    assertThatThrownBy(() -> MdaSettings.DEFAULTS.withConfidence(1.0))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> MdaSettings.DEFAULTS.withMaxProbes(0)).hasMessageContaining("budget");
    assertThatThrownBy(() -> MdaSettings.DEFAULTS.withGapLimit(0)).hasMessageContaining("gap");
  }
}
