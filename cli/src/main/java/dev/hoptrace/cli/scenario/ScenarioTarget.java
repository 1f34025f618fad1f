package dev.hoptrace.cli.scenario;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LabException;
import dev.hoptrace.lab.LabOptions;
import dev.hoptrace.linux.LinuxNetwork;
import dev.hoptrace.linux.NetworkNamespace;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioException;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.sim.SimulatedNetwork;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A trace through a scenario instead of the machine's own network: which scenario, which network
 * carries it — the lab (real kernels in network namespaces) when the process may build one, else
 * the simulator — and which address HOST means there. Closing it tears the lab down.
 */
public final class ScenarioTarget implements AutoCloseable {
  private final Scenario scenario;
  private final InetAddress destination;
  private final Optional<Lab> lab;
  private final String where;
  private static final String SIMULATED = "in the simulator (virtual time; no packet leaves this process)";

  private ScenarioTarget(Scenario scenario, InetAddress destination, Optional<Lab> lab, String where) {
    this.scenario = scenario;
    this.destination = destination;
    this.lab = lab;
    this.where = where;
  }

  /**
   * The scenario and what HOST means in it; nothing is built yet.
   *
   * @param which a built-in scenario name or a path to a scenario file
   * @param host an address of the scenario or one of its node names
   * @throws ScenarioException when the scenario cannot be read or HOST is not in it
   */
  public static ScenarioTarget prepare(String which, String host, boolean ipv4, boolean ipv6) {
    Scenario scenario = load(which);
    return new ScenarioTarget(scenario, destination(scenario, host, ipv4, ipv6), Optional.empty(),
        SIMULATED);
  }

  /**
   * The scenario alone, for commands whose destinations come from elsewhere (a bulk target
   * list): the nominal destination is the scenario's own.
   *
   * @throws ScenarioException when the scenario cannot be read
   */
  public static ScenarioTarget prepare(String which, boolean ipv6) {
    Scenario scenario = load(which);
    boolean wantV6 = ipv6 || !scenario.family().ipv4();
    return new ScenarioTarget(scenario,
        dev.hoptrace.scenario.AddressPlan.destination(scenario, wantV6), Optional.empty(),
        SIMULATED);
  }

  /**
   * The same target in the lab (needs root); when the lab cannot build the scenario, still the
   * simulator, and {@link #where()} says why.
   */
  public ScenarioTarget inLab(PrintStream log) {
    List<String> refusals = Lab.refusals(scenario, LabOptions.DEFAULT.emulator());
    if (!refusals.isEmpty()) {
      return new ScenarioTarget(scenario, destination, Optional.empty(),
          SIMULATED + ", as the lab cannot build it: " + refusals.getFirst());
    }
    log.println("hoptrace: building scenario " + scenario.name() + " in network namespaces...");
    try {
      Lab built = Lab.start(scenario);
      return new ScenarioTarget(scenario, destination, Optional.of(built),
          "in the lab (real Linux kernels in network namespaces, torn down afterwards)");
    } catch (LabException e) {
      return new ScenarioTarget(scenario, destination, Optional.empty(),
          SIMULATED + ", as the lab could not be built: " + e.getMessage());
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  public InetAddress destination() {
    return destination;
  }

  /** How the user is told which network carries the trace. */
  public String where() {
    return where;
  }

  /**
   * What another HOST means in the same scenario, for commands that watch several.
   *
   * @throws ScenarioException when HOST is not in it
   */
  public InetAddress destinationOf(String host, boolean ipv4, boolean ipv6) {
    return destination(scenario, host, ipv4, ipv6);
  }

  /** Whether the trace runs in the simulator (virtual time) rather than on real kernels. */
  public boolean simulated() {
    return lab.isEmpty();
  }

  /** The network to trace through: the kernel's, inside the lab, or the simulator. */
  public Network network() {
    return lab.isPresent() ? new LinuxNetwork() : new SimulatedNetwork(scenario);
  }

  /** Runs the trace where its sockets must live: on a thread inside the lab's client namespace. */
  public <T> T run(Callable<T> trace) throws Exception {
    return lab.isPresent() ? NetworkNamespace.call(lab.get().client().namespace(), trace) : trace.call();
  }

  @Override
  public void close() {
    lab.ifPresent(Lab::close);
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
    Optional<InetAddress> named = ScenarioNames.address(scenario, host, wantV6);
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
