package dev.hoptrace.cli.it;

import static dev.hoptrace.cli.it.RunAs.NOBODY_UNPRIVILEGED;
import static dev.hoptrace.cli.it.RunAs.ROOT_RAW;
import static dev.hoptrace.lab.IpFamily.IPV4;
import static dev.hoptrace.lab.IpFamily.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.cli.it.TraceConformance.Network;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.Commands;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab and the simulator must agree: each scenario traced with the same options on real
 * kernels (as root in raw mode, as nobody unprivileged) and in the simulator, each trace held
 * to what the scenario promises, and the two held to each other (see {@link TraceConformance}).
 * A difference is a bug in the lab, the simulator or the engine.
 *
 * <p>Not the cross product of scenario × method × family × mode (that would be 14 × 3 × 2 × 2
 * lab runs): each scenario gets the methods, families and modes that exercise what it is
 * about, and every method, family and mode is met somewhere. What the lab cannot build yet is
 * skipped with its reason, and runs as soon as it builds.
 */
class ConformanceIT {
  private static ScenarioLab labs;

  @BeforeAll
  static void root() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
  }

  @AfterAll
  static void tearDown() {
    if (labs != null) {
      labs.close();
    }
  }

  /** Grouped by scenario, so that each lab is built once. */
  /** Raw TCP keeps one flow; what Linux does with a second SYN on it the simulator does not. */
  private static final String HALF_OPEN = "the simulator's destination keeps no half-open "
      + "connection: when a SYN-ACK or the client kernel's RST is lost (a lossy link, or a NAT "
      + "that drops the RST), Linux keeps the request and answers the flow's next SYN (a new "
      + "sequence number) with RST (tcp_check_req), so the lab shows tcp-refused among tcp-open; "
      + "the simulator never does";

  static List<ConformanceCase> cases() {
    List<ConformanceCase> all = new ArrayList<>();
    // Every method and family in raw mode on the plain path, and each method unprivileged.
    for (String method : List.of("", "-I", "-T")) {
      for (var family : List.of(IPV4, IPV6)) {
        all.add(ConformanceCase.of("linear", method, family, ROOT_RAW, "the plain path"));
      }
    }
    all.add(ConformanceCase.of("linear", "-U", IPV4, ROOT_RAW, "fixed-port UDP"));
    all.add(ConformanceCase.of("linear", "", IPV4, NOBODY_UNPRIVILEGED, "error queue"));
    all.add(ConformanceCase.of("linear", "-I", IPV6, NOBODY_UNPRIVILEGED, "ping sockets"));
    all.add(ConformanceCase.of("linear", "-T", IPV4, NOBODY_UNPRIVILEGED, "TCP connect"));
    // Per-flow ECMP: classic UDP is a flow per probe, so 3 x 10 probes see both branches
    // (a branch is missed with probability 2 x 2^-30); raw TCP is one flow, one branch.
    all.add(ConformanceCase.of("ecmp-diamond", "-q 10", IPV4, ROOT_RAW, "branches").times(3));
    all.add(ConformanceCase.of("ecmp-diamond", "-q 10", IPV6, NOBODY_UNPRIVILEGED, "branches")
        .times(3));
    all.add(ConformanceCase.of("ecmp-diamond", "-T -q 10", IPV6, ROOT_RAW, "one flow"));
    all.add(ConformanceCase.of("ecmp-diamond", "-I -q 10", IPV4, ROOT_RAW, "within branches"));
    // Four branches: 6 x 10 flows miss one with probability 4 x 0.75^60 = 1.3e-7.
    all.add(ConformanceCase.of("ecmp-wide", "-q 10", IPV4, ROOT_RAW, "branches").times(6));
    all.add(ConformanceCase.of("ecmp-wide", "-T -q 10", IPV6, NOBODY_UNPRIVILEGED,
        "a socket per probe").times(6));
    // Per packet: every method alternates, ICMP too.
    all.add(ConformanceCase.of("per-packet", "-q 8", IPV4, ROOT_RAW, "turns"));
    all.add(ConformanceCase.of("per-packet", "-I -q 8", IPV6, NOBODY_UNPRIVILEGED, "turns"));
    all.add(ConformanceCase.of("per-packet", "-T -q 8", IPV4, ROOT_RAW, "turns"));
    // NAT: the quotes translated back must still match, in every kind of socket.
    all.add(ConformanceCase.of("nat", "", IPV4, ROOT_RAW, "masquerade"));
    all.add(ConformanceCase.of("nat", "", IPV4, NOBODY_UNPRIVILEGED, "masquerade"));
    all.add(ConformanceCase.of("nat", "-I", IPV4, NOBODY_UNPRIVILEGED, "echo id rewritten"));
    all.add(ConformanceCase.of("nat", "-I", IPV6, ROOT_RAW, "masquerade"));
    all.add(ConformanceCase.of("nat", "-T", IPV6, ROOT_RAW, "masquerade"));
    // Silence: a dropping router, a silent destination, a silent router in the middle.
    all.add(ConformanceCase.of("firewall", "", IPV4, ROOT_RAW, "gap limit"));
    all.add(ConformanceCase.of("firewall", "-I", IPV6, NOBODY_UNPRIVILEGED, "gap limit"));
    all.add(ConformanceCase.of("firewall", "-T", IPV4, NOBODY_UNPRIVILEGED, "gap limit"));
    all.add(ConformanceCase.of("firewalled-destination", "", IPV4, ROOT_RAW, "silent UDP"));
    all.add(ConformanceCase.of("firewalled-destination", "-I", IPV6, ROOT_RAW, "silent ICMP"));
    all.add(ConformanceCase.of("firewalled-destination", "-T -p 443", IPV4, ROOT_RAW, "open"));
    all.add(ConformanceCase.of("firewalled-destination", "-T -p 443", IPV6,
        NOBODY_UNPRIVILEGED, "open"));
    all.add(ConformanceCase.of("firewalled-destination", "-T", IPV4, NOBODY_UNPRIVILEGED,
        "silent port"));
    all.add(ConformanceCase.of("bulk-tree", "", IPV4, ROOT_RAW, "a tree, prefixes owned"));
    all.add(ConformanceCase.of("bulk-tree", "-I", IPV6, NOBODY_UNPRIVILEGED,
        "a tree, prefixes owned"));
    all.add(ConformanceCase.of("silent-hop", "", IPV4, ROOT_RAW, "hole"));
    all.add(ConformanceCase.of("silent-hop", "", IPV6, NOBODY_UNPRIVILEGED, "hole"));
    all.add(ConformanceCase.of("silent-hop", "-I", IPV6, ROOT_RAW, "hole"));
    all.add(ConformanceCase.of("silent-hop", "-T", IPV4, NOBODY_UNPRIVILEGED, "hole"));
    // A fast burst of 10 probes at a 2/s burst-2 router: about 2 answers on both sides.
    all.add(ConformanceCase.of("rate-limited", "-q 10", IPV4, ROOT_RAW, "burst"));
    all.add(ConformanceCase.of("rate-limited", "-I -q 10", IPV6, NOBODY_UNPRIVILEGED, "burst"));
    all.add(ConformanceCase.of("reply-from", "", IPV4, ROOT_RAW, "loopback"));
    all.add(ConformanceCase.of("reply-from", "", IPV6, NOBODY_UNPRIVILEGED, "loopback"));
    all.add(ConformanceCase.of("reply-from", "-I", IPV4, NOBODY_UNPRIVILEGED, "loopback"));
    all.add(ConformanceCase.of("reply-from", "-T", IPV6, ROOT_RAW, "loopback"));
    // 1500-byte probes over a 1400-byte link: !F-1400 where the simulator says so.
    all.add(ConformanceCase.of("small-mtu", "", IPV4, ROOT_RAW, "fits"));
    all.add(ConformanceCase.of("small-mtu", "", IPV6, ROOT_RAW, "too big").bytes(1500));
    all.add(ConformanceCase.of("small-mtu", "", IPV6, NOBODY_UNPRIVILEGED, "too big")
        .bytes(1500).knownBug("the simulator has no client path MTU cache: in the lab, once "
            + "r2's Packet Too Big arrives, the kernel fragments the later 1500-byte probes "
            + "(IPV6_PMTUDISC_DONT) and they pass, so hop 3 shows !F-1400 and r3; the "
            + "simulator shows !F-1400 three times"));
    all.add(ConformanceCase.of("small-mtu", "-I", IPV6, ROOT_RAW, "too big").bytes(1500));
    all.add(ConformanceCase.of("small-mtu", "", IPV4, ROOT_RAW, "fragmented").bytes(1500));
    all.add(ConformanceCase.of("small-mtu", "", IPV4, NOBODY_UNPRIVILEGED, "fragmented")
        .bytes(1500));
    // !H from the rejecting router, in every method, family and mode between them.
    all.add(ConformanceCase.of("unreachable", "", IPV4, ROOT_RAW, "!H"));
    all.add(ConformanceCase.of("unreachable", "", IPV6, NOBODY_UNPRIVILEGED, "!H"));
    all.add(ConformanceCase.of("unreachable", "-I", IPV4, NOBODY_UNPRIVILEGED, "!H"));
    all.add(ConformanceCase.of("unreachable", "-I", IPV6, ROOT_RAW, "!H"));
    all.add(ConformanceCase.of("unreachable", "-T", IPV4, ROOT_RAW, "!H"));
    all.add(ConformanceCase.of("unreachable", "-T", IPV6, NOBODY_UNPRIVILEGED, "!H"));
    // Loss: 10% each way before router 3, so hops 3-5 answer with p = 0.81. 30 probes a run,
    // 3 runs pooled per request: bounds below.
    all.add(ConformanceCase.of("lossy", "-q 10", IPV4, ROOT_RAW, "loss").times(3));
    all.add(ConformanceCase.of("lossy", "-I -q 10", IPV6, NOBODY_UNPRIVILEGED, "loss").times(3));
    all.add(ConformanceCase.of("mpls", "", IPV4, ROOT_RAW, "labels"));
    all.add(ConformanceCase.of("mpls", "-I", IPV6, ROOT_RAW, "labels"));
    all.add(ConformanceCase.of("mpls", "", IPV4, NOBODY_UNPRIVILEGED, "labels"));
    all.add(ConformanceCase.of("mpls", "-I", IPV6, NOBODY_UNPRIVILEGED, "labels"));
    // Past the stateless NAT only raw sockets hear the routers (docs/anatomy.md).
    all.add(ConformanceCase.of("anatomy", "", IPV4, ROOT_RAW, "stateless NAT, DSCP, RFC 5837"));
    all.add(ConformanceCase.of("anatomy", "-I", IPV6, ROOT_RAW, "stateless NAT, DSCP, RFC 5837"));
    all.add(ConformanceCase.of("anatomy", "-T", IPV4, ROOT_RAW, "stateless NAT, DSCP, RFC 5837"));
    // r2 quotes the IP header and 8 bytes (the lab: a router hop in the link emulator).
    all.add(ConformanceCase.of("short-quote", "", IPV4, ROOT_RAW, "8 bytes"));
    all.add(ConformanceCase.of("short-quote", "-I", IPV4, NOBODY_UNPRIVILEGED, "8 bytes"));
    all.add(ConformanceCase.of("short-quote", "", IPV6, NOBODY_UNPRIVILEGED, "8 bytes"));
    all.add(ConformanceCase.of("transatlantic", "", IPV4, ROOT_RAW, "delays"));
    all.add(ConformanceCase.of("transatlantic", "-I", IPV6, NOBODY_UNPRIVILEGED, "delays"));
    all.add(ConformanceCase.of("transatlantic", "-T", IPV4, NOBODY_UNPRIVILEGED, "delays"));
    all.add(ConformanceCase.of("home-isp-cdn", "-T -p 443", IPV4, ROOT_RAW, "everything")
        .knownBug(HALF_OPEN));
    all.add(ConformanceCase.of("home-isp-cdn", "-T -p 443 -q 10", IPV6, NOBODY_UNPRIVILEGED,
        "branches, limits").times(3));
    all.add(ConformanceCase.of("home-isp-cdn", "-I", IPV4, NOBODY_UNPRIVILEGED, "everything"));
    all.add(ConformanceCase.of("home-isp-cdn", "-q 10", IPV6, ROOT_RAW, "silent UDP"));
    // The test's own file: read by both, on the kernel alone; loss pooled over 4 runs.
    all.add(ConformanceCase.of(ScenarioFile.NAME, "-q 10", IPV4, ROOT_RAW, "file").times(4));
    all.add(ConformanceCase.of(ScenarioFile.NAME, "-T -q 10", IPV6, ROOT_RAW, "file").times(2));
    all.add(ConformanceCase.of(ScenarioFile.NAME, "-T -p 8080 -q 10", IPV6, ROOT_RAW, "file")
        .knownBug(HALF_OPEN));
    // A SYN lost on the lossy link is sent again by the kernel a second later, within -w 2; the
    // answer to that copy must not count (it once showed RTTs of 1000 ms and loss below bounds).
    all.add(ConformanceCase.of(ScenarioFile.NAME, "-T -p 8080 -q 10", IPV6, NOBODY_UNPRIVILEGED,
        "file"));
    all.add(ConformanceCase.of(ScenarioFile.NAME, "-I -q 10", IPV6, ROOT_RAW, "file"));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void labAndSimulatorAgree(ConformanceCase c) throws InterruptedException {
    Scenario scenario = ScenarioFile.load(c.scenario());
    Lab lab = labs.of(c.scenario(), scenario);
    ExpectedPath path = new ExpectedPath(scenario);
    TraceConformance conformance = new TraceConformance(path, c.family(), c.flows());
    Hoptrace inLab = new Hoptrace(lab);
    SimulatedHoptrace inSimulator = new SimulatedHoptrace(ScenarioFile.argument(c.scenario()));
    String destination = AddressText.of(lab.destinationAddress(c.family()));
    LossTally labLoss = new LossTally("lab");
    LossTally simulatorLoss = new LossTally("simulator");
    List<TraceReport> labRuns = new ArrayList<>();
    List<TraceReport> simulatorRuns = new ArrayList<>();
    if (c.knownBug() != null && !Boolean.getBoolean("conformance.knownBugs")) {
      String message = "SKIPPED " + c + ": known bug: " + c.knownBug()
          + " (run with -Dconformance.knownBugs=true)";
      System.err.println(message);
      Assumptions.abort(message);
    }
    Set<List<String>> simulated = new HashSet<>();
    for (int run = 0; run < c.runs(); run++) {
      List<String> args = c.arguments(run, destination);
      startAfresh(lab, scenario);
      TraceReport labReport = inLab.trace(c.user(), args.toArray(String[]::new));
      TraceReport simulatorReport = inSimulator.trace(c.user().mode(), args);
      assertThat(labReport.mode()).as(labReport.raw()).isEqualTo(c.user().mode());
      // The simulator is deterministic: a repeated command is the same sample, counted once.
      conformance.assertHonoursScenario(simulatorReport, Network.SIMULATOR,
          simulated.add(args) ? simulatorLoss : new LossTally("simulator, repeated"));
      conformance.assertHonoursScenario(labReport, Network.LAB, labLoss);
      conformance.assertSameTrace(labReport, simulatorReport);
      labRuns.add(labReport);
      simulatorRuns.add(simulatorReport);
    }
    conformance.assertEveryBranchSeen(simulatorRuns, Network.SIMULATOR);
    conformance.assertEveryBranchSeen(labRuns, Network.LAB);
    String all = "lab:\n" + labRuns.stream().map(TraceReport::raw).collect(Collectors.joining(
        "\n")) + "\nsimulator:\n" + simulatorRuns.stream().map(TraceReport::raw)
        .collect(Collectors.joining("\n"));
    simulatorLoss.assertWithinBounds(all);
    labLoss.assertWithinBounds(all);
  }

  /** No case is forgotten: every library scenario is traced, or skipped with a reason. */
  @Test
  void everyLibraryScenarioHasCases() {
    assertThat(cases().stream().map(ConformanceCase::scenario).distinct().toList())
        .containsAll(ScenarioLibrary.names());
  }

  /**
   * What an earlier run left in the lab must not change this one, as a fresh simulator starts
   * fresh: the client forgets path MTUs it learnt, and rate limiters get their burst back.
   */
  private static void startAfresh(Lab lab, Scenario scenario) throws InterruptedException {
    if (scenario.links().stream().anyMatch(l -> l.mtu() < Link.DEFAULT_MTU)) {
      lab.exec(lab.client(), Commands.SETUP_TIMEOUT, "ip", "route", "flush", "cache").orThrow();
      lab.exec(lab.client(), Commands.SETUP_TIMEOUT, "ip", "-6", "route", "flush", "cache")
          .orThrow();
    }
    double refill = 0;
    for (Node node : scenario.nodes().values()) {
      if (node.role() == Node.Role.ROUTER
          && node.router().icmp().kind() == IcmpPolicy.Kind.RATE_LIMITED) {
        IcmpPolicy limit = node.router().icmp();
        refill = Math.max(refill, limit.burst() / limit.perSecond());
      }
    }
    Thread.sleep((long) Math.ceil(refill * 1000));
  }
}
