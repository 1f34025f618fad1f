package dev.hoptrace.core.diagnosis;

import static dev.hoptrace.core.diagnosis.Finding.Kind.CLEAN;
import static dev.hoptrace.core.diagnosis.Finding.Kind.DESTINATION_SILENT;
import static dev.hoptrace.core.diagnosis.Finding.Kind.FORWARD_LOSS;
import static dev.hoptrace.core.diagnosis.Finding.Kind.RATE_LIMITED;
import static dev.hoptrace.core.diagnosis.Finding.Kind.SILENT_HOP;
import static dev.hoptrace.core.diagnosis.Finding.Kind.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiagnosisTest {
  private static final TraceRequest UDP = request(Protocol.UDP, 0);

  private static TraceRequest request(Protocol protocol, int port) {
    TraceRequest.Builder builder = TraceRequest.to(PathFixture.router(99)).protocol(protocol);
    return port == 0 ? builder.build() : builder.port(port).build();
  }

  private static List<Finding> diagnose(List<HopSnapshot> hops) {
    return Diagnosis.of(UDP, hops, Map.of());
  }

  /** Hop 6 loses 4 of 10, every later hop answers all: the textbook rate-limited router. */
  private static List<HopSnapshot> rateLimitedAtSix() {
    return PathFixture.probes(10).clean(5).answering(6).clean(2).destination(10).hops();
  }

  @Test
  void rateLimitedHop() {
    List<Finding> findings = diagnose(rateLimitedAtSix());

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(RATE_LIMITED, 6), tuple(CLEAN, 0));
    assertThat(findings.getFirst().message())
        .isEqualTo("hop 6 loses 40% but later hops do not: that router rate-limits its ICMP "
            + "replies, not your traffic");
    assertThat(Diagnosis.suspects(rateLimitedAtSix())).extracting(HopSnapshot::ttl)
        .containsExactly(6);
  }

  @Test
  void rateLimitedHopNamesTheLaterHopThatLosesLess() {
    // Hop 4 loses 7 of 10; hop 5 and the destination 1 of 10 each: stray loss, not forward loss.
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(3).answering(3).answering(9).destination(9).hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(RATE_LIMITED, 4));
    assertThat(findings.getFirst().message())
        .startsWith("hop 4 loses 70% but hop 5 loses only 10%");
  }

  @Test
  void aWitnessThatLostNothingIsSaidToLoseNone() {
    List<HopSnapshot> hops =
        PathFixture.probes(13).clean(5).answering(7).answering(12).destination(13).hops();

    assertThat(diagnose(hops).getFirst().message())
        .startsWith("hop 6 loses 46.2% but hop 8 loses none: that router rate-limits");
  }

  @Test
  void aLossyLinkWhoseLaterHopDipsByChanceIsStillForwardLoss() {
    // The lab's lossy link (19 % round-trip loss for every hop from 3 on), 200 rounds, where hop 4
    // came out at 11 %: 2.2 standard errors below hop 3, yet not half of it.
    List<HopSnapshot> hops =
        PathFixture.probes(200).clean(2).answering(162).answering(178).destination(163).hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(FORWARD_LOSS, 3));
  }

  @Test
  void forwardLossOnALink() {
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(8).answering(6).answering(6).destination(5).hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(FORWARD_LOSS, 9));
    assertThat(findings.getFirst().message())
        .isEqualTo("loss starts at hop 9 (40%) and continues to the destination (50%): traffic is "
            + "lost on the link before hop 9 or at hop 9");
    assertThat(Diagnosis.suspects(hops)).isEmpty();
  }

  @Test
  void forwardLossUpToTheLastHopThatAnswers() {
    List<HopSnapshot> hops = PathFixture.probes(10).clean(3).answering(5).answering(5)
        .answering(4).silent().silent().hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(FORWARD_LOSS, 4), tuple(DESTINATION_SILENT, 0));
    assertThat(findings.getFirst().message())
        .contains("loss starts at hop 4 (50%)", "continues to hop 6 (60%), the last that answers");
  }

  @Test
  void lossAtTheDestinationOnly() {
    List<HopSnapshot> hops = PathFixture.probes(10).clean(4).destination(6).hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(FORWARD_LOSS, 5));
    assertThat(findings.getFirst().message())
        .startsWith("loss starts at the destination (hop 5, 40%)");
  }

  @Test
  void oneStrayLostProbeIsNoFinding() {
    // 1 lost of 10 at hop 5, later hops 0%: neither forward loss nor a rate-limited router.
    List<HopSnapshot> hops = PathFixture.probes(10).clean(4).answering(9).clean(3)
        .destination(10).hops();

    assertThat(diagnose(hops)).extracting(Finding::kind).containsExactly(CLEAN);
  }

  @Test
  void oneStrayLostProbeAtTheDestinationIsNoFinding() {
    List<HopSnapshot> hops = PathFixture.probes(10).clean(4).destination(9).hops();

    assertThat(diagnose(hops)).isEmpty();
  }

  @Test
  void loneLossyLastRouterBeforeSilenceIsNotForwardLoss() {
    // Nothing after hop 4 answers, so its loss could be its own replies as much as traffic.
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(3).answering(4).silent().silent().hops();

    assertThat(diagnose(hops)).extracting(Finding::kind).containsExactly(DESTINATION_SILENT);
  }

  @Test
  void silentHop() {
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(4).silent().clean(2).destination(10).hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(SILENT_HOP, 5), tuple(CLEAN, 0));
    assertThat(findings.getFirst().message())
        .isEqualTo("hop 5 never answers (a silent router); the path continues beyond it");
    assertThat(Diagnosis.suspects(hops)).isEmpty();
  }

  static Stream<Arguments> protocols() {
    return Stream.of(
        Arguments.of(request(Protocol.UDP, 0), "does not answer UDP probes",
            "try -T -p 443 or -I"),
        Arguments.of(request(Protocol.ICMP, 0), "does not answer echo requests", "try -T -p 443"),
        Arguments.of(request(Protocol.TCP, 0), "does not answer TCP port 80", "try -p 443 or -I"),
        Arguments.of(request(Protocol.TCP, 443), "does not answer TCP port 443", "try -p 80 or -I"));
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void firewalledDestinationGetsAdviceForItsProtocol(TraceRequest request, String what,
      String advice) {
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(3).silent().silent().silent().hops();

    List<Finding> findings = Diagnosis.of(request, hops, Map.of());

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(DESTINATION_SILENT, 0));
    assertThat(findings.getFirst().message())
        .startsWith("the destination " + what)
        .contains("nothing answers from hop 4 on")
        .endsWith(advice);
  }

  @Test
  void unreachable() {
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(6).annotated(10, "!H").hops();

    List<Finding> findings = diagnose(hops);

    assertThat(findings).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(UNREACHABLE, 7));
    assertThat(findings.getFirst().message())
        .isEqualTo("hop 7 answers 'host unreachable' (!H): it cannot deliver to the destination "
            + "host");
  }

  @Test
  void unreachableNeedsNoMinimumOfProbes() {
    List<HopSnapshot> hops = PathFixture.probes(1).clean(2).annotated(1, "!X").hops();

    assertThat(diagnose(hops)).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(UNREACHABLE, 3));
  }

  @Test
  void cleanPath() {
    List<Finding> findings = diagnose(PathFixture.probes(10).clean(4).destination(10).hops());

    assertThat(findings).containsExactly(new Finding(CLEAN, 0,
        "the destination (hop 5) answered all 10 probes: the path does not lose your traffic"));
  }

  @Test
  void tooFewProbesGiveNoLossFinding() {
    // Four probes: hop 3 "loses 50%", a later stretch "loses 50%", the tail is silent. Nothing
    // of it is enough to conclude, and not even the clean destination is called clean yet.
    List<HopSnapshot> rateLimited =
        PathFixture.probes(4).clean(2).answering(2).clean(2).destination(4).hops();
    List<HopSnapshot> forward =
        PathFixture.probes(4).clean(2).answering(2).answering(2).destination(2).hops();
    List<HopSnapshot> silent =
        PathFixture.probes(4).clean(2).silent().clean(1).silent().silent().hops();

    assertThat(diagnose(rateLimited)).isEmpty();
    assertThat(diagnose(forward)).isEmpty();
    assertThat(diagnose(silent)).isEmpty();
    assertThat(Diagnosis.suspects(rateLimited)).isEmpty();
  }

  @Test
  void fiveProbesAreEnough() {
    List<HopSnapshot> hops = PathFixture.probes(5).clean(2).silent().clean(1).destination(5).hops();

    assertThat(diagnose(hops)).extracting(Finding::kind, Finding::ttl)
        .containsExactly(tuple(SILENT_HOP, 3), tuple(CLEAN, 0));
  }

  @Test
  void directCheckConfirmsRateLimiting() {
    Map<Integer, DirectCheck> checks =
        Map.of(6, new DirectCheck(6, PathFixture.router(6), 10, 10));

    Finding finding = Diagnosis.of(UDP, rateLimitedAtSix(), checks).getFirst();

    assertThat(finding.kind()).isEqualTo(RATE_LIMITED);
    assertThat(finding.ttl()).isEqualTo(6);
    assertThat(finding.message())
        .isEqualTo("confirmed: hop 6 loses 40% but later hops do not, and it answered 10 of 10 "
            + "echo requests sent to it directly, so that router rate-limits its ICMP replies, "
            + "not your traffic");
  }

  @Test
  void directCheckThatLosesAsMuchWeakensTheClaim() {
    Map<Integer, DirectCheck> checks =
        Map.of(6, new DirectCheck(6, PathFixture.router(6), 10, 6));

    Finding finding = Diagnosis.of(UDP, rateLimitedAtSix(), checks).getFirst();

    assertThat(finding.kind()).isEqualTo(RATE_LIMITED);
    assertThat(finding.ttl()).isEqualTo(6);
    assertThat(finding.message())
        .contains("probably rate-limits", "also lost 4 of 10 echo requests sent to it directly",
            "not confirmed")
        .doesNotContain("confirmed:");
  }

  @Test
  void directCheckBetweenTheTwoIsReportedAsIs() {
    // Hop 6 loses 9 of 10; the direct check loses 2 of 10: clearly better, but not nearly all.
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(5).answering(1).clean(2).destination(10).hops();
    Map<Integer, DirectCheck> checks =
        Map.of(6, new DirectCheck(6, PathFixture.router(6), 10, 8));

    Finding finding = Diagnosis.of(UDP, hops, checks).getFirst();

    assertThat(finding.message()).isEqualTo("hop 6 loses 90% but later hops do not: that router "
        + "rate-limits its ICMP replies, not your traffic (it answered 8 of 10 echo requests sent "
        + "to it directly)");
  }

  @Test
  void directChecksOfOtherHopsOrWithoutProbesAreIgnored() {
    Map<Integer, DirectCheck> checks = Map.of(
        5, new DirectCheck(5, PathFixture.router(5), 10, 10),
        6, new DirectCheck(6, PathFixture.router(6), 0, 0));

    assertThat(Diagnosis.of(UDP, rateLimitedAtSix(), checks).getFirst().message())
        .startsWith("hop 6 loses 40% but later hops do not: ");
  }

  @Test
  void hopsPastTheDestinationAreIgnored() {
    List<HopSnapshot> hops =
        PathFixture.probes(10).clean(2).destination(10).silent().silent().hops();

    assertThat(diagnose(hops)).extracting(Finding::kind).containsExactly(CLEAN);
  }

  @Test
  void noHopsNoFindings() {
    assertThat(diagnose(List.of())).isEmpty();
    assertThat(Diagnosis.suspects(List.of())).isEmpty();
  }

  @Test
  void findingsOfSeveralKindsComeInTtlOrderThenThePath() {
    // Hop 3 rate-limits, hop 5 is silent, hop 7 says !X and the tail is silent.
    List<HopSnapshot> hops = PathFixture.probes(10).clean(2).answering(5).clean(1).silent()
        .clean(1).annotated(10, "!X").silent().hops();

    assertThat(diagnose(hops)).extracting(Finding::kind, Finding::ttl).containsExactly(
        tuple(RATE_LIMITED, 3), tuple(SILENT_HOP, 5), tuple(UNREACHABLE, 7),
        tuple(DESTINATION_SILENT, 0));
  }
}
