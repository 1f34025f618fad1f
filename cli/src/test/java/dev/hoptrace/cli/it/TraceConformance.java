package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.scenario.DestinationBehaviour;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.RouterBehaviour;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds a trace to what its scenario promises (who answers each hop, how many, how fast, with
 * which labels) and a lab trace and a simulator trace of the same request to each other (the
 * same hops, stop, annotations and kinds per hop). Randomness is judged against the scenario,
 * never probe by probe across the two networks: Linux's hash and the simulator's differ by
 * design, and so do their random streams.
 */
final class TraceConformance {
  /** The simulator reports virtual time to the microsecond: the delays exactly, plus rounding. */
  static final double SIMULATOR_SLACK_MS = 0.01;
  /** Real kernels and the emulator's thread add a little: a hop's median RTT may add 1 ms. */
  static final double LAB_MEDIAN_SLACK_MS = 1.0;
  /** One probe may meet a busy CPU (2 cores, a JVM starting next door): 25 ms is a wrong RTT. */
  static final double LAB_OUTLIER_SLACK_MS = 25.0;
  /** Timestamps are taken a little after sending and before receiving: no earlier than this. */
  static final double LAB_EARLY_MS = 0.05;
  /**
   * Per hop of the path, on scenarios the lab builds with the TUN link emulator: every emulated
   * link is a forwarding thread in this test JVM, so its garbage collections, JIT threads and the
   * rest of the suite on 2 cores delay the forwarding (docs/benchmarks.md, "Link emulator"). In
   * full `mvn verify` runs the fastest probe of a hop came in up to 2.8 ms per hop late
   * (transatlantic hop 4: 27.9 ms for 16.6 ms of links), alone about 1.2 ms. Lower bounds stay
   * strict: a link is never faster than its delay.
   */
  static final double EMULATED_HOP_SLACK_MS = 3.0;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the probes of one request spread over per-flow balanced branches. */
  enum Flows {
    /** Every probe is its own flow on both networks: enough of them reach every branch. */
    VARIED,
    /** One flow for the whole trace (raw TCP and -U): one branch per hop per trace. */
    ONE,
    /** Networks differ (ICMP: the simulator hashes its checksum, Linux hashes no ICMP field). */
    ANY
  }

  /** Which network ran a trace. */
  enum Network { LAB, SIMULATOR }

  private final ExpectedPath path;
  private final IpFamily family;
  private final Flows flows;

  TraceConformance(ExpectedPath path, IpFamily family, Flows flows) {
    this.path = path;
    this.family = family;
    this.flows = flows;
  }

  /** Everything the scenario promises about one trace, on {@code network}; loss goes to tally. */
  void assertHonoursScenario(TraceReport report, Network network, LossTally tally) {
    String why = network + " trace of " + path.scenario().name() + ": " + report.raw();
    assertThat(report.family()).as(why).isEqualTo(PathAssertions.familyName(family));
    assertThat(report.dropped().get("malformed").asInt()).as("malformed, " + why).isZero();
    int unmatched = report.dropped().get("unmatched").asInt();
    if (report.protocol().equals("tcp") && report.mode().equals("unprivileged")) {
      // The kernel sends a lost SYN again; an answer to that copy is counted, not taken as the
      // probe's. At most one per probe that went unanswered.
      long lost = report.hops().stream().flatMap(h -> h.probes().stream())
          .filter(p -> p.kind().equals("timeout")).count();
      assertThat((long) unmatched).as("unmatched, " + why).isLessThanOrEqualTo(lost);
    } else {
      assertThat(unmatched).as("unmatched, " + why).isZero();
    }
    for (TraceReport.Hop hop : report.hops()) {
      String hopWhy = "hop " + hop.ttl() + " of " + why;
      Set<InetAddress> allowed = allowedResponders(hop.ttl(), report);
      assertThat(allowed).as("responders of " + hopWhy).containsAll(hop.responders());
      assertAnswerCount(hop, allowed, report, network, tally, hopWhy);
      assertRoundTripTimes(hop, network, hopWhy);
      assertLabels(hop, hopWhy);
      if (flows == Flows.ONE && !path.perPacketBefore(hop.ttl())) {
        assertThat(hop.responders()).as("one flow takes one branch, " + hopWhy).hasSizeLessThan(2);
      }
    }
  }

  /** The lab and the simulator showed the same trace, hop by hop. */
  void assertSameTrace(TraceReport lab, TraceReport sim) {
    String why = "lab: " + lab.raw() + "\nsimulator: " + sim.raw();
    assertThat(List.of(lab.protocol(), lab.port(), lab.probesPerHop(), lab.packetLength(),
        lab.mode(), lab.family())).as(why).isEqualTo(List.of(sim.protocol(), sim.port(),
        sim.probesPerHop(), sim.packetLength(), sim.mode(), sim.family()));
    assertThat(lab.hops()).as("TTLs, " + why).extracting(TraceReport.Hop::ttl)
        .isEqualTo(sim.hops().stream().map(TraceReport.Hop::ttl).toList());
    assertThat(lab.stopReason()).as("stop reason, " + why).isEqualTo(sim.stopReason());
    assertThat(lab.reached()).as("reached, " + why).isEqualTo(sim.reached());
    for (int i = 0; i < lab.hops().size(); i++) {
      TraceReport.Hop l = lab.hops().get(i);
      TraceReport.Hop s = sim.hops().get(i);
      String hopWhy = "hop " + l.ttl() + ", " + why;
      assertThat(shapes(l)).as("kinds and annotations of " + hopWhy).isEqualTo(shapes(s));
      if (allowedResponders(l.ttl(), lab).size() <= 1) {
        // Where the hop has one possible responder; on balanced hops each side's hash picks
        // its own branches (and their labels), checked against the scenario instead.
        assertThat(Set.copyOf(l.responders())).as("responders of " + hopWhy)
            .isEqualTo(Set.copyOf(s.responders()));
        assertThat(labels(l)).as("MPLS labels of " + hopWhy).isEqualTo(labels(s));
      }
      Set<Integer> labTtls = replyTtls(l);
      Set<Integer> simTtls = replyTtls(s);
      if (!labTtls.isEmpty() && !simTtls.isEmpty()) {
        assertThat(labTtls).as("reply TTLs of " + hopWhy).isEqualTo(simTtls);
      }
      assertThat(quotedTtls(lab, i)).as("quoted TTLs of " + hopWhy).isEqualTo(quotedTtls(sim, i));
    }
  }

  /** Over {@code runs} of a VARIED request, every balanced hop showed every allowed branch. */
  void assertEveryBranchSeen(List<TraceReport> runs, Network network) {
    if (flows != Flows.VARIED && !path.perPacketBefore(path.destinationTtl())) {
      return;
    }
    for (int ttl = 1; ttl <= path.destinationTtl(); ttl++) {
      Set<InetAddress> allowed = allowedResponders(ttl, runs.getFirst());
      if (allowed.size() < 2) {
        continue;
      }
      Set<InetAddress> seen = new LinkedHashSet<>();
      for (TraceReport run : runs) {
        if (run.hops().size() >= ttl) {
          seen.addAll(run.hop(ttl).responders());
        }
      }
      assertThat(seen).as("%s: every branch of hop %d over %d runs of %d probes: %s", network,
          ttl, runs.size(), runs.getFirst().probesPerHop(),
          runs.stream().map(TraceReport::raw).collect(Collectors.joining("\n")))
          .containsExactlyInAnyOrderElementsOf(allowed);
    }
  }

  /** The scenario's responders for the hop, minus a destination that ignores this protocol. */
  private Set<InetAddress> allowedResponders(int ttl, TraceReport report) {
    Set<InetAddress> allowed = new LinkedHashSet<>(path.allowedResponders(ttl, family,
        report.packetLength()));
    String destination = path.scenario().destination().name();
    if (!destinationAnswers(report)) {
      allowed.removeIf(a -> path.nodeOf(a).orElseThrow().equals(destination));
    }
    return allowed;
  }

  private boolean destinationAnswers(TraceReport report) {
    DestinationBehaviour dst = path.scenario().destination().destination();
    return switch (report.protocol()) {
      case "udp" -> dst.udp() != DestinationBehaviour.UdpAnswer.SILENT;
      case "icmp" -> dst.icmp();
      case "tcp" -> dst.tcp(report.port()) != DestinationBehaviour.TcpAnswer.SILENT;
      default -> throw new AssertionError("unknown protocol " + report.protocol());
    };
  }

  /**
   * All probes answered, none (nobody may answer, or a silent router), about a rate-limited
   * router's burst, or, behind lossy links, a count the tally judges over all runs.
   */
  private void assertAnswerCount(TraceReport.Hop hop, Set<InetAddress> allowed,
      TraceReport report, Network network, LossTally tally, String why) {
    int sent = hop.probes().size();
    int answered = (int) hop.probes().stream().filter(p -> p.responder() != null).count();
    assertThat(sent).as("probes of " + why).isEqualTo(report.probesPerHop());
    Set<String> nodes = allowed.stream().map(a -> path.nodeOf(a).orElseThrow())
        .collect(Collectors.toCollection(TreeSet::new));
    if (nodes.isEmpty() || nodes.stream().allMatch(n -> isSilentRouter(n))) {
      assertThat(answered).as("nobody answers " + why).isZero();
      return;
    }
    double survival = nodes.stream().mapToDouble(n -> path.reach(n).roundTripSurvival())
        .reduce((a, b) -> a == b ? a : Double.NaN).orElseThrow();
    IcmpPolicy limit = nodes.size() == 1 ? path.icmp(nodes.iterator().next()) : null;
    if (limit != null && limit.kind() == IcmpPolicy.Kind.RATE_LIMITED && survival == 1) {
      // The bucket starts full: the burst is answered at once, then one per 1/rate seconds.
      int most = limit.burst() + (int) (limit.perSecond() * report.durationMs() / 1000) + 1;
      assertThat(answered).as("%s: answers of a router limited to %s/s, burst %d, in %.0f ms, %s",
          network, limit.perSecond(), limit.burst(), report.durationMs(), why)
          .isBetween(Math.min(sent, limit.burst()), Math.min(sent, most));
    } else if (survival < 1) {
      tally.add(survival, sent, answered);
    } else if (!Double.isNaN(survival)) {
      assertThat(answered).as("every probe answered at " + why).isEqualTo(sent);
    }
  }

  private boolean isSilentRouter(String node) {
    return path.scenario().node(node).role() == Node.Role.ROUTER
        && path.icmp(node).kind() == IcmpPolicy.Kind.SILENT;
  }

  /**
   * Every answer took at least twice the one-way delays to its responder (jitter at its lowest)
   * and not much more than twice at their highest; the lab may add its slack.
   */
  private void assertRoundTripTimes(TraceReport.Hop hop, Network network, String why) {
    List<Double> rtts = new ArrayList<>();
    double most = 0;
    for (TraceReport.Probe p : hop.probes()) {
      if (p.responder() == null) {
        continue;
      }
      ExpectedPath.Reach reach = path.reach(path.nodeOf(p.responder()).orElseThrow());
      double low = 2 * reach.minMs();
      double high = 2 * reach.maxMs();
      most = Math.max(most, high);
      assertThat(p.rttMs()).as("%s RTT of %s (delays allow %.3f..%.3f ms) at %s", network,
          p.responder(), low, high, why).isNotNull();
      if (network == Network.SIMULATOR) {
        assertThat(p.rttMs()).as("%s RTT of %s (delays allow %.3f..%.3f ms) at %s", network,
            p.responder(), low, high, why)
            .isBetween(low - SIMULATOR_SLACK_MS, high + SIMULATOR_SLACK_MS);
      } else {
        assertThat(p.rttMs()).as("%s RTT of %s (delays allow %.3f..%.3f ms) at %s", network,
            p.responder(), low, high, why)
            .isBetween(Math.max(0, low - LAB_EARLY_MS), high + LAB_OUTLIER_SLACK_MS);
      }
      rtts.add(p.rttMs());
    }
    if (network == Network.LAB && !rtts.isEmpty()) {
      List<Double> sorted = rtts.stream().sorted().toList();
      if (emulated()) {
        // Emulated links are forwarding threads whose wake-ups a loaded 2-core machine delays;
        // the fastest probe shows what the link adds, the median what the machine did.
        double slack = LAB_MEDIAN_SLACK_MS + EMULATED_HOP_SLACK_MS * hop.ttl();
        assertThat(sorted.getFirst()).as("lab fastest RTT (delays allow up to %.3f ms, + %.2f"
            + " ms) at %s", most, slack, why).isLessThanOrEqualTo(most + slack);
      } else {
        assertThat(sorted.get(sorted.size() / 2)).as("lab median RTT (delays allow up to %.3f"
            + " ms) at %s", most, why).isLessThanOrEqualTo(most + LAB_MEDIAN_SLACK_MS);
      }
    }
  }

  /**
   * Whether the lab needs the link emulator for this scenario: delays, jitter, and routers that
   * add ICMP extensions (MPLS, RFC 5837) or quote short live in it.
   */
  private boolean emulated() {
    var scenario = path.scenario();
    return scenario.links().stream().anyMatch(l -> !l.delay().isZero() || !l.jitter().isZero())
        || scenario.nodes().values().stream()
            .anyMatch(n -> n.router().reportsExtensions() || n.router().quotesShort());
  }

  /** A Time Exceeded from a router that reports MPLS carries its stack; no other answer does. */
  private void assertLabels(TraceReport.Hop hop, String why) {
    for (TraceReport.Probe p : hop.probes()) {
      if (p.responder() == null) {
        continue;
      }
      RouterBehaviour router = path.router(path.nodeOf(p.responder()).orElseThrow());
      List<String> expected = p.kind().equals("time-exceeded")
          ? router.mpls().stream().map(e -> e.label() + "/" + e.trafficClass() + "/"
              + e.bottomOfStack() + "/" + e.ttl()).toList()
          : List.of();
      assertThat(stack(p.mpls())).as("MPLS stack from %s at %s", p.responder(), why)
          .isEqualTo(expected);
    }
  }

  private static List<String> stack(JsonNode mpls) {
    List<String> entries = new ArrayList<>();
    mpls.forEach(e -> entries.add(e.get("label").asInt() + "/" + e.get("tc").asInt() + "/"
        + e.get("s").asBoolean() + "/" + e.get("ttl").asInt()));
    return entries;
  }

  /** What kind of answer, as a user reads it: kind, ICMP type and code, annotation, final. */
  record Shape(String kind, Integer icmpType, Integer icmpCode, String annotation, boolean end) {}

  private static Set<Shape> shapes(TraceReport.Hop hop) {
    return hop.probes().stream().filter(p -> p.responder() != null)
        .map(p -> new Shape(p.kind(), p.icmpType(), p.icmpCode(), p.annotation(), p.isFinal()))
        .collect(Collectors.toSet());
  }

  private static Set<Integer> replyTtls(TraceReport.Hop hop) {
    return hop.probes().stream().map(TraceReport.Probe::replyTtl).filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static Set<List<String>> labels(TraceReport.Hop hop) {
    return hop.probes().stream().filter(p -> p.responder() != null)
        .map(p -> stack(p.mpls())).collect(Collectors.toSet());
  }

  /** The quoted probe TTLs of hop {@code index} (raw mode only; empty otherwise). */
  private static Set<Integer> quotedTtls(TraceReport report, int index) {
    try {
      Set<Integer> ttls = new TreeSet<>();
      for (JsonNode p : JSON.readTree(report.raw()).get("hops").get(index).get("probes")) {
        JsonNode quoted = p.get("quoted");
        if (quoted != null && !quoted.isNull()) {
          ttls.add(quoted.get("ttl").asInt());
        }
      }
      return ttls;
    } catch (java.io.IOException e) {
      throw new AssertionError("unreadable report " + report.raw(), e);
    }
  }
}
