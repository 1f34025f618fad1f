package dev.hoptrace.cli.it;

import static dev.hoptrace.cli.it.RunAs.NOBODY_UNPRIVILEGED;
import static dev.hoptrace.cli.it.RunAs.ROOT_RAW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --paris} on real kernels: {@code ecmp-diamond}'s r1 balances per flow over two branches
 * with Linux's L4 hash (addresses, protocol, ports; IPv6 also the flow label). A Paris trace keeps
 * one flow, so with 8 probes per hop every hop shows one router and hops 3 and 4 are on hop 2's
 * branch; classic UDP, and unprivileged classic TCP (a socket, so a source port, per probe), show
 * both. Linux hashes no ICMP field and raw TCP never changes its ports, so there classic keeps one
 * branch too and only the Paris side is checked (the simulator, which hashes the ICMP checksum as
 * routers do, shows the difference for those).
 */
class ParisIT {
  private static final String DIAMOND = "ecmp-diamond";
  private static final Scenario SCENARIO = ScenarioLibrary.load(DIAMOND);
  private static ScenarioLab labs;
  private static Lab lab;
  private static Hoptrace hoptrace;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
    lab = labs.of(DIAMOND, SCENARIO);
    hoptrace = new Hoptrace(lab);
  }

  @AfterAll
  static void tearDown() {
    if (labs != null) {
      labs.close();
    }
  }

  /** Every method × family × user that can keep a flow: unprivileged TCP cannot. */
  static Stream<Arguments> flowKeepers() {
    List<Arguments> all = new ArrayList<>();
    for (String method : List.of("", "-I", "-T")) {
      for (IpFamily family : IpFamily.values()) {
        for (RunAs user : RunAs.values()) {
          if (!method.equals("-T") || user.root()) {
            all.add(Arguments.of(method, family, user));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("flowKeepers")
  void parisShowsOneRouterPerHopAlongOneBranch(String method, IpFamily family, RunAs user) {
    List<String> args = new ArrayList<>(List.of(family.flag(), "--paris", "-q", "8", "-w", "2"));
    if (!method.isEmpty()) {
      args.add(method);
    }
    args.add(AddressText.of(lab.destinationAddress(family)));
    TraceReport report = hoptrace.trace(user, args.toArray(String[]::new));

    assertThat(report.paris()).isTrue();
    assertThat(report.flow()).isZero();
    assertThat(report.reached()).as(report.raw()).isTrue();
    assertThat(report.hops()).as(report.raw()).hasSize(lab.destinationTtl());
    for (TraceReport.Hop hop : report.hops()) {
      assertThat(hop.responders()).as("hop %d of %s", hop.ttl(), report.raw()).hasSize(1);
      assertThat(hop.probes()).as("hop %d of %s", hop.ttl(), report.raw())
          .noneMatch(p -> p.kind().equals("timeout"));
    }
    String branch = branch(report.hop(2).responders().getFirst(), family);
    assertThat(report.hop(3).responders())
        .containsExactly(address("r3" + branch, "r2" + branch, family));
    assertThat(report.hop(4).responders())
        .containsExactly(address("r4", "r3" + branch, family));
    assertThat(report.dropped().get("unmatched").asInt()).as(report.raw()).isZero();
  }

  /** Classic probes that change flow per probe: UDP in both modes, TCP connect(). */
  static Stream<Arguments> flowChangers() {
    return Stream.of(IpFamily.values()).flatMap(family -> Stream.of(
        Arguments.of("", family, ROOT_RAW),
        Arguments.of("", family, NOBODY_UNPRIVILEGED),
        Arguments.of("-T", family, NOBODY_UNPRIVILEGED)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("flowChangers")
  void classicProbesThatChangeFlowShowBothBranches(String method, IpFamily family, RunAs user) {
    Set<InetAddress> hop2 = new HashSet<>();
    // 8 probes all on one branch: 1 in 128; three tries make a false failure 1 in 2 million.
    for (int attempt = 0; attempt < 3 && hop2.size() < 2; attempt++) {
      List<String> args = new ArrayList<>(List.of(family.flag(), "-q", "8", "-w", "2"));
      if (!method.isEmpty()) {
        args.add(method);
      }
      args.add(AddressText.of(lab.destinationAddress(family)));
      TraceReport report = hoptrace.trace(user, args.toArray(String[]::new));
      assertThat(report.paris()).isFalse();
      hop2.addAll(report.hop(2).responders());
    }
    assertThat(hop2).containsExactlyInAnyOrder(
        address("r2a", "r1", family), address("r2b", "r1", family));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void unprivilegedTcpIsRefusedInOneLineBeforeAnythingIsSent(IpFamily family) {
    ExecResult run = hoptrace.runRaw(NOBODY_UNPRIVILEGED, family.flag(), "-n", "--paris", "-T",
        AddressText.of(lab.destinationAddress(family)));

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().strip().lines()).as(run.describe()).hasSize(1);
    assertThat(run.stderr()).startsWith("hoptrace: --paris with TCP needs raw mode")
        .contains("--mode raw", "UDP or ICMP", "raw sockets refused");
  }

  /** "a" or "b": the branch whose r2 answered at hop 2. */
  private static String branch(InetAddress hop2, IpFamily family) {
    for (String b : List.of("a", "b")) {
      if (hop2.equals(address("r2" + b, "r1", family))) {
        return b;
      }
    }
    throw new AssertionError(hop2 + " is neither r2a nor r2b");
  }

  /** The address {@code node} answers from when a probe comes in from {@code neighbour}. */
  private static InetAddress address(String node, String neighbour, IpFamily family) {
    return dev.hoptrace.scenario.AddressPlan.of(
        SCENARIO.linkBetween(node, neighbour).orElseThrow(), node, family == IpFamily.IPV6);
  }
}
