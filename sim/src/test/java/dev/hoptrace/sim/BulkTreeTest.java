package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioTargets;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bulk benchmark's tree traced to every one of its 3,328 IPv4 targets (and a sample of the
 * IPv6 ones) in the simulator, each against what the scenario's routes say: the reference a bulk
 * tracer's results are checked against, itself checked here address by address.
 */
class BulkTreeTest {
  private static final Scenario TREE = ScenarioLibrary.load("bulk-tree");

  @Test
  void everyIpv4TargetShowsItsScenarioPath() {
    check(ScenarioTargets.all(TREE, false), Protocol.UDP, 3328);
  }

  @Test
  void ipv6TargetsShowTheirScenarioPathToo() {
    check(ScenarioTargets.sample(TREE, true, 300, 3), Protocol.ICMP, 300);
  }

  private static void check(List<InetAddress> targets, Protocol protocol, int count) {
    assertThat(targets).hasSize(count);
    SimulatedNetwork network = new SimulatedNetwork(TREE);
    Map<PathGraph.End, Integer> ends = new TreeMap<>();
    for (InetAddress target : targets) {
      TraceResult r = trace(network, target, protocol);
      PathGraph path = PathGraph.to(TREE, target);
      ends.merge(path.end(), 1, Integer::sum);
      String why = target.getHostAddress() + ": " + r.hops();
      int last = path.end() == PathGraph.End.SILENT ? path.ownerTtl() - 1 : path.depth();
      for (int ttl = 1; ttl <= last; ttl++) {
        Set<InetAddress> want = new HashSet<>(path.interfaces().getOrDefault(ttl, Set.of()));
        want.removeAll(SILENT_ROUTERS);
        Hop hop = r.hops().get(ttl - 1);
        assertThat(hop.responders()).as(why).isEqualTo(want);
      }
      switch (path.end()) {
        case REACHED -> {
          assertThat(r.reached()).as(why).isTrue();
          assertThat(r.hops()).as(why).hasSize(path.depth());
        }
        case UNREACHABLE -> {
          assertThat(r.stopReason()).as(why).isEqualTo(StopReason.UNREACHABLE);
          assertThat(r.hops()).as(why).hasSize(path.depth());
          assertThat(r.hops().getLast().probes()).as(why)
              .allMatch(p -> p.annotation().equals("!H"));
        }
        case SILENT -> {
          assertThat(r.stopReason()).as(why).isEqualTo(StopReason.GAP_LIMIT);
          assertThat(r.hops().subList(last, r.hops().size())).as(why).allMatch(Hop::silent);
        }
      }
    }
    // The tree has every kind of end, in the proportions of its prefixes.
    assertThat(ends).containsOnlyKeys(PathGraph.End.values());
  }

  private static TraceResult trace(SimulatedNetwork network, InetAddress target,
      Protocol protocol) {
    try {
      return new Tracer(network).trace(TraceRequest.to(target).protocol(protocol)
          .mode(ProbeMode.RAW).build());
    } catch (NetworkException e) {
      throw new AssertionError(e);
    }
  }

  private static final Set<InetAddress> SILENT_ROUTERS = silentRouters();

  private static Set<InetAddress> silentRouters() {
    Set<InetAddress> silent = new HashSet<>();
    for (Node node : TREE.nodes().values()) {
      if (node.router().icmp().kind() == IcmpPolicy.Kind.SILENT) {
        for (Link link : TREE.linksOf(node.name())) {
          silent.add(AddressPlan.ipv4(link, node.name()));
          silent.add(AddressPlan.ipv6(link, node.name()));
        }
      }
    }
    return silent;
  }
}
