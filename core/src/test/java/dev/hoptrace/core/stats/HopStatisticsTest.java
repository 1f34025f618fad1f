package dev.hoptrace.core.stats;

import static dev.hoptrace.core.stats.ResponderTallyTest.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.ext.IcmpExtensions;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopStatisticsTest {

  private static void answer(HopStatistics hop, int responder, double rtt) {
    hop.answered(addr(responder), rtt, "", false, IcmpExtensions.NONE);
  }

  @Test
  void freshHopIsEmpty() {
    HopSnapshot snapshot = new HopStatistics(3).snapshot();

    assertThat(snapshot).isEqualTo(new HopSnapshot(3, 0, 0, RttSummary.NONE, JitterSummary.NONE,
        0, 0, List.of(), List.of(), "", false));
    assertThat(snapshot.lossPercent()).isZero();
  }

  @Test
  void sentCountsAnsweredAndLost() {
    HopStatistics hop = new HopStatistics(4);
    answer(hop, 1, 10);
    hop.lost();
    answer(hop, 1, 12);
    hop.lost();

    HopSnapshot snapshot = hop.snapshot();
    assertThat(snapshot.sent()).isEqualTo(4);
    assertThat(snapshot.received()).isEqualTo(2);
    assertThat(snapshot.lossPercent()).isEqualTo(50);
    assertThat(snapshot.samples()).containsExactly(10.0, Double.NaN, 12.0, Double.NaN);
  }

  @Test
  void lostProbesBetweenRepliesDoNotBreakJitter() {
    HopStatistics hop = new HopStatistics(2);
    answer(hop, 1, 10);
    hop.lost();
    hop.lost();
    answer(hop, 1, 12);
    hop.lost();
    answer(hop, 1, 9);
    answer(hop, 1, 9);

    JitterSummary jitter = hop.snapshot().jitter();
    assertThat(jitter.jmax()).isEqualTo(3);
    assertThat(jitter.jint()).isEqualTo(0.28564453125);
    assertThat(jitter.jitter()).isZero();
  }

  @Test
  void rttFiguresComeFromAnsweredProbesOnly() {
    HopStatistics hop = new HopStatistics(2);
    answer(hop, 1, 1);
    hop.lost();
    answer(hop, 1, 2);
    answer(hop, 1, 3);

    assertThat(hop.snapshot().rtt()).isEqualTo(new RttSummary(3, 2, 1, 3, 1));
  }

  @Test
  void annotationIsTheNewestNonEmptyOne() {
    HopStatistics hop = new HopStatistics(7);
    hop.answered(addr(1), 1, "!H", false, IcmpExtensions.NONE);
    hop.answered(addr(1), 1, "", false, IcmpExtensions.NONE);
    assertThat(hop.snapshot().annotation()).isEqualTo("!H");

    hop.answered(addr(1), 1, "!X", false, IcmpExtensions.NONE);
    assertThat(hop.snapshot().annotation()).isEqualTo("!X");
  }

  @Test
  void destinationFlagIsSticky() {
    HopStatistics hop = new HopStatistics(9);
    hop.answered(addr(9), 5, "", true, IcmpExtensions.NONE);
    hop.answered(addr(8), 5, "", false, IcmpExtensions.NONE);
    hop.lost();

    assertThat(hop.snapshot().destination()).isTrue();
  }

  @Test
  void classifiedLossIsCountedByKind() {
    HopStatistics hop = new HopStatistics(5);
    hop.classified(LossKind.FORWARD);
    hop.classified(LossKind.BACKWARD);
    hop.classified(LossKind.BACKWARD);
    hop.classified(LossKind.NONE);

    HopSnapshot snapshot = hop.snapshot();
    assertThat(snapshot.forwardLoss()).isEqualTo(1);
    assertThat(snapshot.backwardLoss()).isEqualTo(2);
  }

  @Test
  void respondersAreSharedMostRepliesFirst() {
    HopStatistics hop = new HopStatistics(5);
    answer(hop, 1, 1);
    answer(hop, 2, 1);
    answer(hop, 2, 1);

    assertThat(hop.snapshot().responders()).containsExactly(
        new ResponderShare(addr(2), 2, IcmpExtensions.NONE),
        new ResponderShare(addr(1), 1, IcmpExtensions.NONE));
  }

  @Test
  void resetForgetsEverythingButTheTtl() {
    HopStatistics hop = new HopStatistics(6);
    hop.answered(addr(1), 4, "!N", true, IcmpExtensions.NONE);
    hop.lost();
    hop.classified(LossKind.FORWARD);

    hop.reset();

    assertThat(hop.snapshot()).isEqualTo(new HopStatistics(6).snapshot());
    assertThat(hop.ttl()).isEqualTo(6);
  }

  @Test
  void snapshotDoesNotChangeAfterwards() {
    HopStatistics hop = new HopStatistics(1);
    answer(hop, 1, 5);
    HopSnapshot before = hop.snapshot();
    answer(hop, 2, 7);
    hop.lost();

    assertThat(before.sent()).isEqualTo(1);
    assertThat(before.samples()).containsExactly(5.0);
    assertThat(before.responders()).hasSize(1);
    assertThat(before.rtt().last()).isEqualTo(5);
  }

  @Test
  void aMillionUpdatesStayInFixedMemory() {
    // Many distinct responders and samples: the tally and the window must stay at their caps.
    HopStatistics hop = new HopStatistics(8);
    int updates = 1_000_000;
    for (int i = 0; i < updates; i++) {
      if (i % 10 == 9) {
        hop.lost();
      } else {
        answer(hop, i % 5_000, 20 + i % 7);
      }
    }

    HopSnapshot snapshot = hop.snapshot();
    assertThat(snapshot.sent()).isEqualTo(updates);
    assertThat(snapshot.received()).isEqualTo(updates - updates / 10);
    assertThat(snapshot.samples()).hasSize(HopStatistics.WINDOW);
    assertThat(snapshot.responders()).hasSize(HopStatistics.MAX_RESPONDERS);
    assertThat(snapshot.responders().stream().mapToLong(ResponderShare::replies).sum())
        .isLessThan(snapshot.received());
    // The newest sample is the last update, a loss (i = 999 999).
    assertThat(snapshot.samples().getLast()).isNaN();
  }

  @Test
  void rejectsImpossibleInput() {
    HopStatistics hop = new HopStatistics(1);

    assertThatThrownBy(() -> answer(hop, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> answer(hop, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HopStatistics(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(hop.snapshot().sent()).isZero();
  }

  @Test
  void aSnapshotTakenBetweenChangesShowsEveryChange() {
    HopStatistics hop = new HopStatistics(4);
    hop.answered(addr(4), 10, "", false, IcmpExtensions.NONE);
    HopSnapshot first = hop.snapshot();
    assertThat(hop.snapshot()).isSameAs(first);

    hop.lost();
    assertThat(hop.snapshot().sent()).isEqualTo(2);
    hop.classified(LossKind.FORWARD);
    assertThat(hop.snapshot().forwardLoss()).isEqualTo(1);
    hop.answered(addr(4), 20, "!H", false, IcmpExtensions.NONE);
    assertThat(hop.snapshot().rtt().last()).isEqualTo(20.0);
    assertThat(hop.snapshot().annotation()).isEqualTo("!H");
    hop.reset();
    assertThat(hop.snapshot().sent()).isZero();
    assertThat(first.sent()).isEqualTo(1);
  }

  @Test
  void theNewestQuoteAndReturnEstimateReachTheSnapshotUntilReset() {
    HopStatistics hop = new HopStatistics(3);
    dev.hoptrace.core.net.QuotedIpHeader first = new dev.hoptrace.core.net.QuotedIpHeader(1, 0, 9);
    dev.hoptrace.core.net.QuotedIpHeader second =
        new dev.hoptrace.core.net.QuotedIpHeader(1, 0x28, 10);
    hop.showed(java.util.Optional.of(first), 3);
    hop.showed(java.util.Optional.of(second), 4);
    hop.showed(java.util.Optional.empty(), -1); // an echo reply: nothing quoted

    assertThat(hop.snapshot().evidence().quote()).contains(second);
    assertThat(hop.snapshot().evidence().returnHops()).isEqualTo(4);

    hop.reset();

    assertThat(hop.snapshot().evidence().quote()).isEmpty();
  }
}
