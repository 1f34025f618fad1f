package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lab.RouterBehaviour;
import dev.hoptrace.lab.Unreachable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Router 3 of 6 rejects everything for the destination with an ICMP unreachable: the trace
 * shows hops 1-3, then router 3 again at hop 4 with traceroute's annotation, and stops there.
 */
class UnreachableIT {
  private static final int REJECTING_ROUTER = 3;
  private static Lab lab;
  private static Hoptrace hoptrace;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(6).start();
    hoptrace = new Hoptrace(lab);
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  @AfterEach
  void answerAgain() {
    lab.setBehaviour(REJECTING_ROUTER, RouterBehaviour.ANSWERING);
  }

  static Stream<Arguments> codesFamiliesAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (Unreachable code : Unreachable.values()) {
      for (IpFamily family : IpFamily.values()) {
        for (RunAs user : RunAs.values()) {
          all.add(Arguments.of(code, family, user));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("codesFamiliesAndModes")
  void unreachableEndsTheTraceWithTracerouteAnnotation(Unreachable code, IpFamily family,
      RunAs user) {
    lab.setBehaviour(REJECTING_ROUTER, RouterBehaviour.rejecting(code));
    TraceReport report = hoptrace.trace(user, family.flag(), "-w", "2",
        AddressText.of(lab.destinationAddress(family)));

    for (int ttl = 1; ttl <= REJECTING_ROUTER; ttl++) {
      PathAssertions.assertTransitHop(report, ttl, lab.hopAddress(ttl, family), family, 3);
    }
    int last = REJECTING_ROUTER + 1;
    assertThat(report.hops()).as(report.raw()).extracting(TraceReport.Hop::ttl)
        .containsExactly(1, 2, 3, last);
    InetAddress rejecter = lab.hopAddress(REJECTING_ROUTER, family);
    String why = "hop " + last + " of " + report.raw();
    for (TraceReport.Probe p : report.hop(last).probes()) {
      assertThat(p.responder()).as(why).isEqualTo(rejecter);
      assertThat(p.kind()).as(why).isEqualTo("unreachable");
      assertThat(p.icmpType()).as(why).isEqualTo(code.icmpType(family));
      assertThat(p.icmpCode()).as(why).isEqualTo(code.icmpCode(family));
      assertThat(p.annotation()).as(why).isEqualTo(code.annotation());
      assertThat(p.isFinal()).as(why).isTrue();
      PathAssertions.assertAnsweredInTime(p, why);
    }
    assertThat(report.reached()).as(report.raw()).isFalse();
    assertThat(report.stopReason()).as(report.raw()).isEqualTo("unreachable");
  }

  static Stream<Arguments> codesAndFamilies() {
    List<Arguments> all = new ArrayList<>();
    for (Unreachable code : Unreachable.values()) {
      for (IpFamily family : IpFamily.values()) {
        all.add(Arguments.of(code, family));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("codesAndFamilies")
  void textShowsTheSameAnnotationAsTraceroute(Unreachable code, IpFamily family) {
    lab.setBehaviour(REJECTING_ROUTER, RouterBehaviour.rejecting(code));
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult ours = hoptrace.text(RunAs.ROOT_RAW, family.flag(), "-w", "2", dst);
    TextTrace theirs = new SystemTraceroute(lab).run(family.flag(), "-w", "2", dst);
    TextTrace hoptraceText = TextTrace.parseHops(ours.stdout());

    TextTrace.Hop last = hoptraceText.hops().getLast();
    assertThat(last.ttl()).as(ours.describe()).isEqualTo(REJECTING_ROUTER + 1);
    assertThat(last.probes()).as(ours.describe())
        .allMatch(p -> code.annotation().equals(p.annotation()));
    assertThat(theirs.hops().getLast().probes())
        .allMatch(p -> code.annotation().equals(p.annotation()));
    assertThat(hoptraceText.respondersPerHop()).as(ours.describe())
        .isEqualTo(theirs.respondersPerHop());
  }
}
