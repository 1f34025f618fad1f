package dev.hoptrace.cli.it;

import dev.hoptrace.lab.IpFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * One request run through both networks: a scenario, hoptrace's options (without -n, -o, --mode
 * and the destination, which every run gets), a family, who runs it, and how many times (the
 * runs pool their probes: branches seen, losses counted).
 *
 * @param scenario a library scenario's name, or {@link ScenarioFile#NAME} for the test's own file
 * @param packetLength the packetlen argument after HOST, or null for the default
 * @param knownBug why the lab and the simulator still disagree here, or null
 */
record ConformanceCase(String scenario, List<String> options, Integer packetLength,
    IpFamily family, RunAs user, TraceConformance.Flows flows, int runs, String why,
    String knownBug) {
  /** A bare MAX waits MAX for every probe: no adaptive wait racing a loaded machine. */
  private static final String WAIT = "2";

  static ConformanceCase of(String scenario, String options, IpFamily family, RunAs user,
      String why) {
    return new ConformanceCase(scenario, split(options), null, family, user,
        flows(split(options), user), 1, why, null);
  }

  /** The same request {@code n} times; where the port is ours to pick, each run its own. */
  ConformanceCase times(int n) {
    return new ConformanceCase(scenario, options, packetLength, family, user, flows, n, why,
        knownBug);
  }

  /** Probes of {@code bytes} bytes, IP header included. */
  ConformanceCase bytes(int bytes) {
    return new ConformanceCase(scenario, options, bytes, family, user, flows, runs, why,
        knownBug);
  }

  /** Skipped, saying which bug makes the two networks differ, until it is fixed. */
  ConformanceCase knownBug(String bug) {
    return new ConformanceCase(scenario, options, packetLength, family, user, flows, runs, why,
        bug);
  }

  /**
   * The command line of run {@code run} to {@code destination}. Without -p, later runs move
   * the port on (UDP's first port, -U's and -T's port), so that they probe other flows: the
   * simulator is deterministic, and the same command would only repeat the same flows.
   */
  List<String> arguments(int run, String destination) {
    List<String> all = new ArrayList<>(List.of(family.flag(), "-w", WAIT));
    if (run > 0 && !options.contains("-I") && !options.contains("-p")) {
      int base = options.contains("-T") ? 80 : options.contains("-U") ? 53 : 33434;
      all.addAll(List.of("-p", Integer.toString(base + (base == 33434 ? 1000 : 1) * run)));
    }
    all.addAll(options);
    all.add(destination);
    if (packetLength != null) {
      all.add(packetLength.toString());
    }
    return all;
  }

  /**
   * Classic UDP varies its destination port per probe, and unprivileged sockets their source
   * port: a flow per probe. Raw TCP and -U keep one flow. ICMP depends on the network.
   */
  private static TraceConformance.Flows flows(List<String> options, RunAs user) {
    if (options.contains("-I")) {
      return TraceConformance.Flows.ANY;
    }
    if (options.contains("-T") || options.contains("-U")) {
      return user.root() ? TraceConformance.Flows.ONE : TraceConformance.Flows.VARIED;
    }
    return TraceConformance.Flows.VARIED;
  }

  private static List<String> split(String options) {
    return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
  }

  @Override
  public String toString() {
    String method = options.contains("-I") ? "icmp" : options.contains("-T") ? "tcp"
        : options.contains("-U") ? "udp-fixed" : "udp";
    List<String> words = new ArrayList<>(options);
    if (packetLength != null) {
      words.add("HOST " + packetLength);
    }
    return scenario + " " + method + " " + PathAssertions.familyName(family) + " "
        + user.mode() + (runs > 1 ? " x" + runs : "") + " [" + String.join(" ", words) + "]: "
        + why;
  }
}
