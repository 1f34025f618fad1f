package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library scenario, both families, every protocol and mode: what a user sees must be
 * possible in that network (each hop answered by a node that far from the client, or nearer for
 * an error that stops the probe), nothing is dropped as malformed or foreign, nothing is left
 * open, and the same seed gives the same trace.
 */
class LibraryScenariosTest {

  static Stream<Arguments> traces() {
    List<Arguments> all = new ArrayList<>();
    for (String name : ScenarioLibrary.names()) {
      Scenario s = ScenarioLibrary.load(name);
      for (boolean v6 : new boolean[] {false, true}) {
        if (v6 ? !s.family().ipv6() : !s.family().ipv4()) {
          continue;
        }
        for (Protocol protocol : Protocol.values()) {
          for (ProbeMode mode : new ProbeMode[] {ProbeMode.UNPRIVILEGED, ProbeMode.RAW}) {
            all.add(Arguments.of(name, v6, protocol, mode));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} ipv6={1} {2} {3}")
  @MethodSource("traces")
  void everyHopIsANodeThatFarAlongTheNetwork(String name, boolean v6, Protocol protocol,
      ProbeMode mode) {
    Scenario scenario = ScenarioLibrary.load(name);
    SimulatedNetwork network = new SimulatedNetwork(scenario);
    TraceResult result = Traces.trace(network, v6, protocol, mode, UnaryOperator.identity());

    Map<InetAddress, String> owner = owners(scenario);
    Map<String, Integer> distance = distancesFromClient(scenario);
    for (Hop hop : result.hops()) {
      for (ProbeResult probe : hop.probes()) {
        if (!probe.answered()) {
          continue;
        }
        String node = owner.get(probe.responder().get());
        assertThat(node).as("hop %d answered by a node of the scenario", hop.ttl()).isNotNull();
        if (probe.kind().get() == ReplyKind.TIME_EXCEEDED) {
          assertThat(distance.get(node)).as("hop %d: %s", hop.ttl(), node).isEqualTo(hop.ttl());
        } else {
          assertThat(distance.get(node)).as("hop %d: %s", hop.ttl(), node)
              .isLessThanOrEqualTo(hop.ttl());
        }
      }
    }
    assertThat(result.dropped().malformed()).isZero();
    assertThat(result.dropped().unmatched()).isZero();
    assertThat(network.clientSocketsInUse()).as("sockets left open").isZero();

    TraceResult again = Traces.trace(new SimulatedNetwork(scenario), v6, protocol, mode,
        UnaryOperator.identity());
    assertThat(again.hops()).as("same seed, same trace").isEqualTo(result.hops());
  }

  /** Every interface address and reply-from address, by node. */
  static Map<InetAddress, String> owners(Scenario s) {
    Map<InetAddress, String> owner = new HashMap<>();
    for (Link link : s.links()) {
      for (String end : List.of(link.a(), link.b())) {
        owner.put(AddressPlan.ipv4(link, end), end);
        owner.put(AddressPlan.ipv6(link, end), end);
      }
    }
    for (Node node : s.nodes().values()) {
      node.router().replyFromV4().ifPresent(a -> owner.put(a, node.name()));
      node.router().replyFromV6().ifPresent(a -> owner.put(a, node.name()));
    }
    return owner;
  }

  /** Hops from the client to each node, forwarding through routers only. */
  static Map<String, Integer> distancesFromClient(Scenario s) {
    Map<String, Integer> d = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    d.put(s.client().name(), 0);
    queue.add(s.client().name());
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (d.get(at) > 0 && s.node(at).role() != Node.Role.ROUTER) {
        continue;
      }
      for (Link link : s.linksOf(at)) {
        String next = link.other(at);
        if (!d.containsKey(next)) {
          d.put(next, d.get(at) + 1);
          queue.add(next);
        }
      }
    }
    return d;
  }
}
