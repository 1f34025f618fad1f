package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Prefix;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk benchmark's lab, the library's bulk-tree: thousands of destinations as the
 * prefixes edge routers own (AnyIP). One address of each kind of prefix, both families: hoptrace
 * (root and unprivileged) and the system traceroute see the hops the scenario's routes say, end
 * the way its prefix says (reached, !H one hop past its router, silence), and the simulator
 * traces the same scenario to the same result.
 */
class BulkTreeIT {
  /** One prefix of each kind: shallow, silent hosts, unreachable hosts behind a silent router,
   *  deep, and the destination's own. */
  private static final List<String> OWNERS = List.of("e11", "e13", "e33", "e42", "dst");
  private static final String NAME = "bulk-tree";
  private static Scenario scenario;
  private static Lab lab;
  private static Hoptrace hoptrace;

  @BeforeAll
  static void build() throws Exception {
    ItEnvironment.requireRoot();
    scenario = ScenarioLibrary.load(NAME);
    lab = Lab.start(scenario, ScenarioLab.OPTIONS);
    hoptrace = new Hoptrace(lab);
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  /** An address inside each chosen owner's prefix of each family, not the first or last. */
  static Stream<Arguments> targets() {
    Scenario s = ScenarioLibrary.load(NAME);
    List<Arguments> all = new ArrayList<>();
    int host = 37;
    for (boolean v6 : new boolean[] {false, true}) {
      for (String owner : OWNERS) {
        Prefix prefix = s.node(owner).owned().of(v6).getFirst();
        host = (host * 7 + 11) % 250 + 2;
        String target = AddressText.of(prefix.address(BigInteger.valueOf(host)));
        for (RunAs user : RunAs.values()) {
          all.add(Arguments.of(owner, target, user));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("targets")
  void hoptraceSeesTheScenarioPathAndTheSimulatorAgrees(String owner, String target, RunAs user)
      throws Exception {
    InetAddress address = InetAddress.getByName(target);
    TraceReport lab = hoptrace.trace(user, "-w", "1", target);
    PathGraph path = PathGraph.to(scenario, address);
    String why = owner + " " + lab.raw();

    int last = lastAnswering(path);
    for (int ttl = 1; ttl <= last; ttl++) {
      Set<InetAddress> want = answering(path, ttl, address);
      TraceReport.Hop hop = lab.hop(ttl);
      if (want.isEmpty()) {
        assertThat(hop.silent()).as("hop " + ttl + " of " + why).isTrue();
      } else {
        assertThat(hop.probes()).as("hop " + ttl + " of " + why)
            .allSatisfy(p -> assertThat(want).contains(p.responder()));
      }
    }
    switch (path.end()) {
      case REACHED -> {
        assertThat(lab.hops()).as(why).hasSize(path.depth());
        assertThat(lab.reached()).as(why).isEqualTo(answersFromTarget(address));
        assertThat(lab.hop(path.depth()).probes()).as(why).allMatch(TraceReport.Probe::isFinal);
      }
      case UNREACHABLE -> {
        assertThat(lab.hops()).as(why).hasSize(path.depth());
        assertThat(lab.stopReason()).as(why).isEqualTo("unreachable");
        assertThat(lab.hop(path.depth()).probes()).as(why)
            .allMatch(p -> "!H".equals(p.annotation()));
      }
      case SILENT -> {
        assertThat(lab.stopReason()).as(why).isEqualTo("gap-limit");
        assertThat(lab.hops().subList(last, lab.hops().size())).as(why)
            .allMatch(TraceReport.Hop::silent);
      }
    }

    TraceReport sim = new SimulatedHoptrace(NAME).trace(user.mode(),
        List.of("-w", "1", target));
    assertThat(sim.respondersPerHop()).as("simulator vs lab: " + sim.raw() + "\n" + lab.raw())
        .isEqualTo(lab.respondersPerHop());
    assertThat(sim.stopReason()).isEqualTo(lab.stopReason());
    assertThat(sim.reached()).isEqualTo(lab.reached());
    for (TraceReport.Hop hop : lab.hops()) {
      assertThat(sim.hop(hop.ttl()).probes()).extracting(TraceReport.Probe::kind,
              TraceReport.Probe::icmpType, TraceReport.Probe::icmpCode)
          .as("hop " + hop.ttl() + ": simulator vs lab")
          .isEqualTo(hop.probes().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.kind(),
              p.icmpType(), p.icmpCode())).toList());
    }
  }

  @Test
  void everyKernelHasTheScenariosIcmpBudgetAndNoPerPeerLimit() {
    for (String node : List.of("client", "core", "e11", "dst")) {
      ExecResult sysctl = lab.exec(lab.node(node), Duration.ofSeconds(10), "sysctl", "-n",
          "net.ipv4.icmp_msgs_per_sec", "net.ipv4.icmp_msgs_burst", "net.ipv4.icmp_ratelimit",
          "net.ipv6.icmp.ratelimit");
      assertThat(sysctl.stdout().lines().toList()).as(node)
          .containsExactly("1000000", "1000000", "0", "0");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void systemTracerouteCountsTheSameHops(String owner, String target, RunAs user)
      throws Exception {
    if (!user.root()) {
      return; // one traceroute per target is enough; it runs as root
    }
    InetAddress address = InetAddress.getByName(target);
    PathGraph path = PathGraph.to(scenario, address);
    TextTrace trace = new SystemTraceroute(lab).run("-w", "1", "-q", "2", "-m", "8",
        address instanceof Inet6Address ? "-6" : "-4", target);
    String why = owner + " " + trace;

    int last = lastAnswering(path);
    for (int ttl = 1; ttl <= last; ttl++) {
      Set<InetAddress> want = answering(path, ttl, address);
      TextTrace.Hop hop = trace.hops().get(ttl - 1);
      assertThat(hop.responders()).as("hop " + ttl + " of " + why).hasSize(want.size());
      assertThat(want).as(why).containsAll(hop.responders());
    }
    switch (path.end()) {
      case REACHED, UNREACHABLE -> assertThat(trace.hops()).as(why).hasSize(path.depth());
      case SILENT -> assertThat(trace.hops().subList(last, trace.hops().size())).as(why)
          .allMatch(h -> h.responders().isEmpty()).hasSize(8 - last);
    }
    if (path.end() == PathGraph.End.UNREACHABLE) {
      assertThat(trace.hops().getLast().probes()).as(why)
          .allMatch(p -> "!H".equals(p.annotation()));
    }
  }

  /** The last TTL at which something should answer. */
  private static int lastAnswering(PathGraph path) {
    return path.end() == PathGraph.End.SILENT ? path.ownerTtl() - 1 : path.depth();
  }

  /**
   * Who answers a UDP probe at {@code ttl}: the scenario's path, less the routers that send no
   * ICMP; at the target's own hop, for IPv6, the owner's interface toward the client (see
   * {@link #answersFromTarget}).
   */
  private static Set<InetAddress> answering(PathGraph path, int ttl, InetAddress target) {
    Set<InetAddress> want = new HashSet<>(path.interfaces().getOrDefault(ttl, Set.of()));
    want.removeAll(silentRouters());
    if (!answersFromTarget(target) && want.remove(target)) {
      String owner = scenario.prefixOwner(target).orElseThrow().name();
      for (String back : Routes.of(scenario).nextHopsToClient(owner)) {
        want.add(AddressPlan.of(scenario.linkBetween(owner, back).orElseThrow(), owner, true));
      }
    }
    return want;
  }

  /**
   * Port Unreachable comes from the probed address in IPv4 (any local route); Linux's IPv6
   * answers from it only when an interface has it, else from the inbound interface, and hoptrace
   * then does not count the trace as reached.
   */
  private static boolean answersFromTarget(InetAddress target) {
    return !(target instanceof Inet6Address);
  }

  private static Set<InetAddress> silentRouters() {
    Set<InetAddress> silent = new HashSet<>();
    for (Node node : scenario.nodes().values()) {
      if (node.router().icmp().kind() == IcmpPolicy.Kind.SILENT) {
        for (Link link : scenario.linksOf(node.name())) {
          silent.add(AddressPlan.ipv4(link, node.name()));
          silent.add(AddressPlan.ipv6(link, node.name()));
        }
      }
    }
    return silent;
  }
}
