package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lab.RouterBehaviour;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Routers that do not answer: a firewall with silence behind it, and a single silent hop. */
class SilentHopsIT {
  private static final int FIREWALL = 4;
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
    for (int k = 1; k <= 6; k++) {
      lab.setBehaviour(k, RouterBehaviour.ANSWERING);
    }
  }

  static Stream<Arguments> familiesAndModes() {
    return Arrays.stream(IpFamily.values())
        .flatMap(f -> Arrays.stream(RunAs.values()).map(u -> Arguments.of(f, u)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("familiesAndModes")
  void firewallGivesItsHopsThenSilenceUntilTheGapLimit(IpFamily family, RunAs user) {
    lab.setBehaviour(FIREWALL, RouterBehaviour.FIREWALL);
    int gapLimit = 3;
    TraceReport report = hoptrace.trace(user, family.flag(), "-w", "1", "--gap-limit",
        Integer.toString(gapLimit), AddressText.of(lab.destinationAddress(family)));

    for (int ttl = 1; ttl <= FIREWALL; ttl++) {
      PathAssertions.assertTransitHop(report, ttl, lab.hopAddress(ttl, family), family, 3);
    }
    assertThat(report.hops()).as(report.raw()).extracting(TraceReport.Hop::ttl)
        .containsExactly(1, 2, 3, 4, 5, 6, 7);
    PathAssertions.assertSilent(report, FIREWALL + 1, FIREWALL + gapLimit, 3);
    assertThat(report.reached()).as(report.raw()).isFalse();
    assertThat(report.stopReason()).as(report.raw()).isEqualTo("gap-limit");
    // One wait for the silent window, not one per silent hop: -w 1 and 9 silent probes.
    assertThat(report.durationMs()).as(report.raw()).isLessThan(4000);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void defaultGapLimitIsFiveSilentHops(IpFamily family) {
    lab.setBehaviour(2, RouterBehaviour.FIREWALL);
    TraceReport report = hoptrace.trace(RunAs.ROOT_RAW, family.flag(), "-w", "1",
        AddressText.of(lab.destinationAddress(family)));
    PathAssertions.assertTransitHop(report, 1, lab.hopAddress(1, family), family, 3);
    PathAssertions.assertTransitHop(report, 2, lab.hopAddress(2, family), family, 3);
    PathAssertions.assertSilent(report, 3, 7, 3);
    assertThat(report.hops()).as(report.raw()).hasSize(7);
    assertThat(report.stopReason()).as(report.raw()).isEqualTo("gap-limit");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("familiesAndModes")
  void silentRouterShowsAsStarsBetweenAnsweringHops(IpFamily family, RunAs user) {
    lab.setBehaviour(2, RouterBehaviour.SILENT);
    TraceReport report = hoptrace.trace(user, family.flag(), "-w", "1",
        AddressText.of(lab.destinationAddress(family)));
    PathAssertions.assertSilent(report, 2, 2, 3);
    for (int ttl : new int[] {1, 3, 4, 5, 6}) {
      PathAssertions.assertTransitHop(report, ttl, lab.hopAddress(ttl, family), family, 3);
    }
    PathAssertions.assertDestinationHop(report, lab, family, Method.UDP, 3);
    assertThat(report.hops()).as(report.raw()).hasSize(7);
    assertThat(report.reached()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RunAs.class)
  void silentHopIsGivenUpOnSoonOnceLaterHopsAnswer(RunAs user) {
    // Default -w 5,3,10: a probe of a silent hop waits at most 10 x the RTT of a later hop
    // that answered, not 5 s, as in traceroute 2.1.
    lab.setBehaviour(2, RouterBehaviour.SILENT);
    String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
    TraceReport adaptive = hoptrace.trace(user, dst);
    PathAssertions.assertSilent(adaptive, 2, 2, 3);
    assertThat(adaptive.reached()).as(adaptive.raw()).isTrue();
    assertThat(adaptive.durationMs()).as(adaptive.raw()).isLessThan(2500);

    // -w 1,0,0: the classic fixed wait; the silent hop's probes take their whole second.
    TraceReport fixed = hoptrace.trace(user, "-w", "1,0,0", dst);
    PathAssertions.assertSilent(fixed, 2, 2, 3);
    assertThat(fixed.reached()).as(fixed.raw()).isTrue();
    assertThat(fixed.durationMs()).as(fixed.raw()).isGreaterThanOrEqualTo(950);
  }
}
