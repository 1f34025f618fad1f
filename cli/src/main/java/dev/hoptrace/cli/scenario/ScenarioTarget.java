package dev.hoptrace.cli.scenario;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioException;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.sim.SimulatedNetwork;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trace through a scenario instead of the machine's own network: which scenario, which network
 * carries it, and which address HOST means there.
 *
 * @param scenario the network described
 * @param network the simulator (or, later, the lab) running it
 * @param where how the user is told which network runs the trace
 * @param destination the address HOST stands for inside the scenario
 */
public record ScenarioTarget(Scenario scenario, Network network, String where, InetAddress destination) {

  /**
   * @param which a built-in scenario name or a path to a scenario file
   * @param host an address of the scenario or one of its node names
   * @throws ScenarioException when the scenario cannot be read or HOST is not in it
   */
  public static ScenarioTarget prepare(String which, String host, boolean ipv4, boolean ipv6) {
    Scenario scenario = load(which);
    InetAddress destination = destination(scenario, host, ipv4, ipv6);
    SimulatedNetwork network = new SimulatedNetwork(scenario);
    return new ScenarioTarget(scenario, network,
        "in the simulator (virtual time; no packet leaves this process)", destination);
  }

  /** A path when it looks like one (or names a file), otherwise a built-in scenario. */
  static Scenario load(String which) {
    Path file = Path.of(which);
    if (which.contains("/") || which.endsWith(".yaml") || which.endsWith(".yml") || Files.isRegularFile(file)) {
      return ScenarioLibrary.read(file);
    }
    return ScenarioLibrary.load(which);
  }

  private static InetAddress destination(Scenario scenario, String host, boolean ipv4, boolean ipv6) {
    boolean wantV6 = ipv6 || (!ipv4 && !scenario.family().ipv4());
    var named = ScenarioNames.address(scenario, host, wantV6);
    if (named.isPresent()) {
      return named.get();
    }
    if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
      try {
        InetAddress literal = InetAddress.getByName(host);
        if ((ipv4 && literal instanceof Inet6Address) || (ipv6 && !(literal instanceof Inet6Address))) {
          throw new ScenarioException("'" + host + "' is not of the family asked for with -4/-6");
        }
        return literal;
      } catch (UnknownHostException e) {
        // fall through to the message below
      }
    }
    throw new ScenarioException("'" + host + "' is neither an address nor a node of scenario "
        + scenario.name() + " (nodes: " + String.join(", ", scenario.nodes().keySet()) + ")");
  }
}
