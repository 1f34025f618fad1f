package dev.hoptrace.sim;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Test helpers: run a classic trace over a library scenario, name addresses by link and node. */
final class Traces {
  private Traces() {}

  static TraceResult trace(String scenario, boolean v6, Protocol protocol, ProbeMode mode) {
    return trace(new SimulatedNetwork(ScenarioLibrary.load(scenario)), v6, protocol, mode,
        UnaryOperator.identity());
  }

  static TraceResult trace(SimulatedNetwork network, boolean v6, Protocol protocol,
      ProbeMode mode, UnaryOperator<TraceRequest.Builder> options) {
    TraceRequest request = options.apply(TraceRequest.to(network.destination(v6))
        .protocol(protocol).mode(mode)).build();
    try {
      return new Tracer(network).trace(request);
    } catch (NetworkException e) {
      throw new AssertionError(e);
    }
  }

  /** The address of {@code node} on the link it shares with {@code neighbour}. */
  static InetAddress at(Scenario s, String node, String neighbour, boolean v6) {
    Link link = s.linkBetween(node, neighbour).orElseThrow();
    return AddressPlan.of(link, node, v6);
  }

  static InetAddress at(String scenario, String node, String neighbour, boolean v6) {
    return at(ScenarioLibrary.load(scenario), node, neighbour, v6);
  }

  static Hop hop(TraceResult result, int ttl) {
    return result.hops().stream().filter(h -> h.ttl() == ttl).findFirst().orElseThrow(
        () -> new AssertionError("no hop " + ttl + " in " + result.hops().size() + " hops"));
  }

  static Set<InetAddress> responders(TraceResult result, int ttl) {
    return hop(result, ttl).responders();
  }
}
