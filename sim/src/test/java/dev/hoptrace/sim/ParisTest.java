package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.responders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paris traceroute over per-flow balancers: where a classic trace mixes the routers of parallel
 * branches in one hop, a Paris trace shows the one path its flow takes, in every protocol, family
 * and mode that can keep a flow; another flow may take another path.
 */
class ParisTest {
  private static final String DIAMOND = "ecmp-diamond";
  private static final String WIDE = "ecmp-wide";

  /** Every protocol × family × mode that can keep a flow (unprivileged TCP cannot). */
  static Stream<Arguments> flowKeepers() {
    List<Arguments> all = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      for (boolean v6 : new boolean[] {false, true}) {
        for (ProbeMode mode : new ProbeMode[] {ProbeMode.RAW, ProbeMode.UNPRIVILEGED}) {
          if (protocol != Protocol.TCP || mode == ProbeMode.RAW) {
            all.add(Arguments.of(protocol, v6, mode));
          }
        }
      }
    }
    return all.stream();
  }

  private static TraceResult trace(String scenario, boolean v6, Protocol protocol,
      ProbeMode mode, boolean paris) {
    return Traces.trace(new SimulatedNetwork(ScenarioLibrary.load(scenario)), v6, protocol, mode,
        b -> b.paris(paris).probesPerHop(10));
  }

  @ParameterizedTest(name = "{0} ipv6={1} {2}")
  @MethodSource("flowKeepers")
  void onTheDiamondParisShowsOneBranchWhereClassicShowsBoth(Protocol protocol, boolean v6,
      ProbeMode mode) {
    TraceResult paris = trace(DIAMOND, v6, protocol, mode, true);

    assertThat(paris.reached()).isTrue();
    for (int ttl = 1; ttl <= 5; ttl++) {
      assertThat(responders(paris, ttl)).as("hop %d", ttl).hasSize(1);
      assertThat(Traces.hop(paris, ttl).probes()).as("hop %d answered", ttl)
          .allMatch(p -> p.answered());
    }
    boolean viaA = responders(paris, 2).contains(at(DIAMOND, "r2a", "r1", v6));
    assertThat(responders(paris, 3)).as("hop 3 on hop 2's branch").containsExactly(
        viaA ? at(DIAMOND, "r3a", "r2a", v6) : at(DIAMOND, "r3b", "r2b", v6));
    assertThat(responders(paris, 4)).containsExactly(
        viaA ? at(DIAMOND, "r4", "r3a", v6) : at(DIAMOND, "r4", "r3b", v6));
    assertThat(paris.dropped().unmatched() + paris.dropped().late()).isZero();

    if (protocol == Protocol.TCP) {
      return; // a raw SYN's ports never change: classic raw TCP is one flow as well
    }
    TraceResult classic = trace(DIAMOND, v6, protocol, mode, false);
    assertThat(responders(classic, 2)).containsExactlyInAnyOrder(
        at(DIAMOND, "r2a", "r1", v6), at(DIAMOND, "r2b", "r1", v6));
    assertThat(responders(classic, 4)).hasSize(2);
  }

  @ParameterizedTest(name = "{0} ipv6={1} {2}")
  @MethodSource("flowKeepers")
  void onTheWideBalancerParisShowsOneOfFour(Protocol protocol, boolean v6, ProbeMode mode) {
    TraceResult paris = trace(WIDE, v6, protocol, mode, true);

    assertThat(paris.reached()).isTrue();
    assertThat(responders(paris, 2)).hasSize(1);
    assertThat(responders(paris, 3)).hasSize(1);
    if (protocol != Protocol.TCP) {
      assertThat(responders(trace(WIDE, v6, protocol, mode, false), 2)).hasSizeGreaterThan(1);
    }
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void unprivilegedTcpClassicWandersAndParisIsRefused(boolean v6) {
    TraceResult classic = trace(DIAMOND, v6, Protocol.TCP, ProbeMode.UNPRIVILEGED, false);
    assertThat(responders(classic, 2)).hasSize(2);

    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load(DIAMOND), 1, false);
    TraceRequest auto = TraceRequest.to(network.destination(v6)).protocol(Protocol.TCP)
        .mode(ProbeMode.AUTO).paris(true).build();
    assertThatThrownBy(() -> new Tracer(network).trace(auto))
        .isInstanceOf(NetworkException.class)
        .hasMessageStartingWith(FlowId.TCP_NEEDS_RAW)
        .hasMessageContaining("raw sockets refused");
  }

  @ParameterizedTest(name = "{0} ipv6={1} {2}")
  @MethodSource("flowKeepers")
  void differentFlowsMayTakeDifferentBranchesEachKeepingItsOwn(Protocol protocol, boolean v6,
      ProbeMode mode) {
    int flows = protocol == Protocol.TCP ? 1 : 12;
    Set<List<InetAddress>> paths = new HashSet<>();
    for (int flow = 0; flow < flows; flow++) {
      int f = flow;
      List<InetAddress> path = path(Traces.trace(new SimulatedNetwork(
          ScenarioLibrary.load(DIAMOND)), v6, protocol, mode, b -> b.flow(f).probesPerHop(4)));
      // The same flow in a fresh network (same seed, so same session port) goes the same way.
      assertThat(path(Traces.trace(new SimulatedNetwork(ScenarioLibrary.load(DIAMOND)), v6,
          protocol, mode, b -> b.flow(f).probesPerHop(4)))).as("flow %d again", f)
          .isEqualTo(path);
      paths.add(path);
    }
    if (protocol != Protocol.TCP) {
      assertThat(paths).as("12 flows over two branches").hasSize(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RAW", "UNPRIVILEGED"})
  void aLongParisWatchWrapsItsSequencesWithoutLosingOrMisplacingAReply(ProbeMode mode)
      throws Exception {
    // UDP carries the sequence as its checksum: past 65535 probes the sequences wrap, and 0
    // (sent as checksum 0xffff) must never be in flight beside 65535.
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load(DIAMOND));
    TraceRequest request = TraceRequest.to(network.destination(false)).mode(mode).paris(true)
        .probesPerHop(1).maxInFlight(256).build();
    RoundPolicy policy = new RoundPolicy(Duration.ofMillis(10), 14_000, Duration.ofSeconds(1));

    LiveSnapshot last = new LiveTracer(network).run(request, policy, LiveListener.NONE,
        new LiveControl());

    assertThat(last.rounds()).isEqualTo(14_000);
    assertThat(last.hops()).hasSize(5).allSatisfy(hop -> {
      assertThat(hop.received()).as("hop %d", hop.ttl()).isEqualTo(14_000);
      assertThat(hop.responders()).as("hop %d", hop.ttl()).hasSize(1);
    });
    assertThat(last.drops().unmatched() + last.drops().late() + last.drops().duplicate())
        .isZero();
  }

  /** The one responder of each hop; fails when a hop has more or none. */
  private static List<InetAddress> path(TraceResult result) {
    return result.hops().stream().map(hop -> {
      assertThat(hop.responders()).as("hop %d", hop.ttl()).hasSize(1);
      return hop.responders().iterator().next();
    }).toList();
  }
}
