package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a correct trace through a lab looks like, checked probe by probe, so that a wrong, missing
 * or extra hop, an unanswered probe or a wrong stop fails with the whole report in the message.
 */
final class PathAssertions {
  /** Lab links are veths in one kernel: anything near this is a wrong RTT, not a slow link. */
  static final double MAX_RTT_MS = 50.0;

  private PathAssertions() {}

  /** Time Exceeded as each family spells it: (11, 0) for IPv4, (3, 0) for ICMPv6. */
  static int timeExceededType(IpFamily family) {
    return family == IpFamily.IPV4 ? 11 : 3;
  }

  static String familyName(IpFamily family) {
    return family == IpFamily.IPV4 ? "ipv4" : "ipv6";
  }

  /**
   * The trace ran from {@code firstTtl} to the destination with every probe answered by the
   * right node, and stopped there.
   */
  static void assertReachedWholePath(TraceReport report, Lab lab, IpFamily family, Method method,
      int firstTtl, int probesPerHop) {
    String why = report.raw();
    int destinationTtl = lab.destinationTtl();
    assertThat(report.address()).as(why).isEqualTo(lab.destinationAddress(family));
    assertThat(report.family()).as(why).isEqualTo(familyName(family));
    assertThat(report.protocol()).as(why).isEqualTo(method.protocol());
    if (method.port() != null) {
      assertThat(report.port()).as(why).isEqualTo(method.port());
    }
    assertThat(report.firstTtl()).as(why).isEqualTo(firstTtl);
    assertThat(report.probesPerHop()).as(why).isEqualTo(probesPerHop);
    assertThat(report.hops()).as("one hop per TTL from %d to the destination at %d: %s",
        firstTtl, destinationTtl, why)
        .extracting(TraceReport.Hop::ttl)
        .containsExactlyElementsOf(IntStream.rangeClosed(firstTtl, destinationTtl).boxed()
            .toList());
    for (int ttl = firstTtl; ttl < destinationTtl; ttl++) {
      assertTransitHop(report, ttl, lab.hopAddress(ttl, family), family, probesPerHop);
    }
    assertDestinationHop(report, lab, family, method, probesPerHop);
    assertThat(report.reached()).as(why).isTrue();
    assertThat(report.stopReason()).as(why).isEqualTo("destination-reached");
  }

  /** Every probe of hop {@code ttl} was answered with Time Exceeded by {@code router}. */
  static void assertTransitHop(TraceReport report, int ttl, InetAddress router, IpFamily family,
      int probesPerHop) {
    TraceReport.Hop hop = report.hop(ttl);
    String why = "hop " + ttl + " of " + report.raw();
    assertThat(hop.probes()).as(why).hasSize(probesPerHop);
    for (TraceReport.Probe p : hop.probes()) {
      assertThat(p.responder()).as(why).isEqualTo(router);
      assertThat(p.kind()).as(why).isEqualTo("time-exceeded");
      assertThat(p.icmpType()).as(why).isEqualTo(timeExceededType(family));
      assertThat(p.icmpCode()).as(why).isEqualTo(0);
      assertThat(p.isFinal()).as(why).isFalse();
      assertThat(p.annotation()).as(why).isNull();
      assertAnsweredInTime(p, why);
      assertReplyTtl(p, ttl, why);
    }
  }

  /** Every probe of the last hop was answered by the destination itself, as {@code method} says. */
  static void assertDestinationHop(TraceReport report, Lab lab, IpFamily family, Method method,
      int probesPerHop) {
    int ttl = lab.destinationTtl();
    TraceReport.Hop hop = report.hop(ttl);
    String why = "destination hop " + ttl + " of " + report.raw();
    assertThat(hop.probes()).as(why).hasSize(probesPerHop);
    for (TraceReport.Probe p : hop.probes()) {
      assertThat(p.responder()).as(why).isEqualTo(lab.destinationAddress(family));
      assertThat(p.kind()).as(why).isEqualTo(method.destinationKind());
      assertThat(p.isFinal()).as(why).isTrue();
      assertThat(p.annotation()).as(why).isNull();
      int[] icmp = method.destinationIcmp(family);
      if (icmp == null) {
        assertThat(p.icmpType()).as(why).isNull();
      } else if (p.icmpType() != null || method != Method.ICMP) {
        assertThat(p.icmpType()).as(why).isEqualTo(icmp[0]);
        assertThat(p.icmpCode()).as(why).isEqualTo(icmp[1]);
      }
      assertAnsweredInTime(p, why);
      assertReplyTtl(p, ttl, why);
    }
  }

  /** Hops {@code from..to} were all silent: every probe a timeout with nothing filled in. */
  static void assertSilent(TraceReport report, int from, int to, int probesPerHop) {
    for (int ttl = from; ttl <= to; ttl++) {
      TraceReport.Hop hop = report.hop(ttl);
      String why = "silent hop " + ttl + " of " + report.raw();
      assertThat(hop.probes()).as(why).hasSize(probesPerHop);
      for (TraceReport.Probe p : hop.probes()) {
        assertThat(p.kind()).as(why).isEqualTo("timeout");
        assertThat(p.responder()).as(why).isNull();
        assertThat(p.rttMs()).as(why).isNull();
        assertThat(p.isFinal()).as(why).isFalse();
      }
    }
  }

  static void assertAnsweredInTime(TraceReport.Probe p, String why) {
    assertThat(p.rttMs()).as("RTT of " + why).isNotNull().isPositive().isLessThan(MAX_RTT_MS);
  }

  /**
   * Linux sends its ICMP errors and replies with TTL 64, and each router on the way back takes
   * one: the answer for hop {@code ttl} arrives with 65 - ttl. Unprivileged sockets may not see
   * it (null), but a value they report must be right.
   */
  static void assertReplyTtl(TraceReport.Probe p, int ttl, String why) {
    if (p.replyTtl() != null) {
      assertThat(p.replyTtl()).as("reply TTL of " + why).isEqualTo(65 - ttl);
    }
  }

  /** {@code expected} addresses as one-element responder lists, one per hop. */
  static List<List<InetAddress>> onePerHop(List<InetAddress> expected) {
    return expected.stream().map(List::of).toList();
  }
}
