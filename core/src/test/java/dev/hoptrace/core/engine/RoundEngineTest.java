package dev.hoptrace.core.engine;

import static dev.hoptrace.core.ScriptedNetwork.destination;
import static dev.hoptrace.core.ScriptedNetwork.router;
import static dev.hoptrace.core.ScriptedNetwork.silent;
import static dev.hoptrace.core.engine.TraceEngineTest.DEST;
import static dev.hoptrace.core.engine.TraceEngineTest.chain;
import static dev.hoptrace.core.engine.TraceEngineTest.hop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ScriptedNetwork;
import dev.hoptrace.core.ScriptedNetwork.HopBehaviour;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoundEngineTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1000 * MS;

  private static TraceRequest.Builder request() {
    return TraceRequest.to(DEST).protocol(Protocol.ICMP).probesPerHop(1).maxInFlight(64);
  }

  private static RoundPolicy rounds(long n) {
    return RoundPolicy.DEFAULT.withRounds(n);
  }

  private static LiveSnapshot run(ScriptedNetwork net, TraceRequest request, RoundPolicy policy,
      LiveListener listener, LiveControl control) throws Exception {
    return new LiveTracer(net).run(request, policy, listener, control);
  }

  private static LiveSnapshot run(ScriptedNetwork net, RoundPolicy policy) throws Exception {
    return run(net, request().build(), policy, LiveListener.NONE, new LiveControl());
  }

  /** Answers probes whose number (counting this hop's probes from 0) passes {@code keep}. */
  private static HopBehaviour sometimes(HopBehaviour hop, java.util.function.IntPredicate keep) {
    AtomicInteger seen = new AtomicInteger();
    return probe -> keep.test(seen.getAndIncrement()) ? hop.apply(probe) : Optional.empty();
  }

  @Test
  void tenRoundsToAnAnsweringPathCountEveryProbeAndEndWithoutAGrace() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(4), destination(DEST, 4 * MS));

    LiveSnapshot last = run(net, rounds(10));

    assertThat(last.finished()).isTrue();
    assertThat(last.rounds()).isEqualTo(10);
    assertThat(last.destinationTtl()).isEqualTo(4);
    assertThat(last.hops()).extracting(HopSnapshot::ttl).containsExactly(1, 2, 3, 4);
    for (HopSnapshot hop : last.hops()) {
      assertThat(hop.sent()).isEqualTo(10);
      assertThat(hop.received()).isEqualTo(10);
      assertThat(hop.rtt().avg()).isEqualTo(hop.ttl() * 1.0);
    }
    assertThat(last.hops().get(0).responders().getFirst().address()).isEqualTo(hop(1));
    // Rounds start a second apart; the last ends with its slowest reply, not after a grace.
    assertThat(last.elapsedNanos()).isEqualTo(9 * SECOND + 4 * MS);
    assertThat(last.drops().unmatched() + last.drops().late() + last.drops().duplicate()).isZero();
  }

  @Test
  void onceTheDestinationIsKnownRoundsStopThere() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(4), destination(DEST, 4 * MS));

    run(net, rounds(10));

    long pastDestination = net.sent.stream().filter(s -> s.probe().ttl() > 4).count();
    long inFirstRound = net.sent.stream().filter(s -> s.probe().ttl() > 4 && s.at() < SECOND).count();
    assertThat(pastDestination).isEqualTo(inFirstRound);
    assertThat(net.sent.stream().filter(s -> s.probe().ttl() <= 4)).hasSize(40);
  }

  @Test
  void aSilentHopIsAllLossWhileThePathBeyondItCountsNormally() throws Exception {
    List<HopBehaviour> path = new ArrayList<>(chain(4));
    path.set(1, silent());
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 4 * MS));

    LiveSnapshot last = run(net, rounds(10));

    HopSnapshot silentHop = last.hops().get(1);
    assertThat(silentHop.sent()).isEqualTo(10);
    assertThat(silentHop.received()).isZero();
    assertThat(silentHop.lossPercent()).isEqualTo(100.0);
    assertThat(last.hops().get(3).lossPercent()).isZero();
    // The silent hop is given up on after the 1 s floor, not the 5 s grace.
    assertThat(last.elapsedNanos()).isBetween(10 * SECOND - 1, 10 * SECOND + 10 * MS);
  }

  @Test
  void lossAtOneHopThatLaterHopsDoNotShowIsNeitherForwardNorBackwardLoss() throws Exception {
    List<HopBehaviour> path = new ArrayList<>(chain(5));
    path.set(1, sometimes(path.get(1), n -> n % 2 == 0));
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 5 * MS));

    LiveSnapshot last = run(net, rounds(20));

    HopSnapshot lossy = last.hops().get(1);
    assertThat(lossy.sent()).isEqualTo(20);
    assertThat(lossy.received()).isEqualTo(10);
    assertThat(lossy.forwardLoss()).isZero();
    assertThat(lossy.backwardLoss()).isZero();
  }

  @Test
  void lossFromAHopToTheEndIsForwardLossThereAndBackwardLossAfter() throws Exception {
    // From hop 3 on, every probe of odd rounds is lost: a link that drops whole rounds.
    List<HopBehaviour> path = new ArrayList<>(chain(5));
    for (int i = 2; i < 5; i++) {
      path.set(i, sometimes(path.get(i), n -> n % 2 == 0));
    }
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 5 * MS));

    LiveSnapshot last = run(net, request().build(), rounds(21), LiveListener.NONE, new LiveControl());

    // Round 1 found the destination at 5; rounds 2, 4, ..., 20 lost hops 3..5.
    assertThat(last.hops().get(2).lost()).isEqualTo(10);
    assertThat(last.hops().get(2).forwardLoss()).isEqualTo(10);
    assertThat(last.hops().get(3).backwardLoss()).isEqualTo(10);
    assertThat(last.hops().get(4).backwardLoss()).isEqualTo(10);
    assertThat(last.hops().get(1).lost()).isZero();
  }

  @Test
  void sequencesWrapRoundWithoutALostOrMisattributedReply() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(4), destination(DEST, 4 * MS));
    RoundPolicy fast = new RoundPolicy(Duration.ofMillis(10), 20_000, Duration.ofSeconds(1));

    LiveSnapshot last = run(net, request().build(), fast, LiveListener.NONE, new LiveControl());

    assertThat(net.sent.size()).isGreaterThan(65_536);
    assertThat(last.rounds()).isEqualTo(20_000);
    assertThat(last.hops()).allSatisfy(hop -> {
      assertThat(hop.sent()).isEqualTo(20_000);
      assertThat(hop.received()).isEqualTo(20_000);
    });
    assertThat(last.drops().unmatched() + last.drops().late() + last.drops().duplicate()).isZero();
  }

  @Test
  void sendsRefusedForAWhileShowAsAProblemAndTheRunCarriesOn() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    net.sendFailsAt = at -> at >= 3 * SECOND && at < 6 * SECOND;
    List<LiveSnapshot> seen = new ArrayList<>();

    LiveSnapshot last = run(net, request().build(), rounds(10), seen::add, new LiveControl());

    assertThat(last.rounds()).isEqualTo(10);
    assertThat(last.hops().get(2).sent()).isEqualTo(10);
    assertThat(last.hops().get(2).received()).isEqualTo(7);
    assertThat(seen).anySatisfy(s -> assertThat(s.problem()).hasValueSatisfying(
        p -> assertThat(p).contains("sending failed").contains("network is unreachable")));
    assertThat(last.problem()).isEmpty();
    // The diagnosis says the loss was this machine's and does not blame the path for it.
    assertThat(last.notSent().probes()).isEqualTo(9);
    assertThat(last.findings()).extracting(Finding::kind)
        .containsExactly(Finding.Kind.NOT_SENT, Finding.Kind.CLEAN);
    assertThat(last.findings().getFirst().message())
        .startsWith("9 probes could not be sent from this machine (network is unreachable)");
  }

  @Test
  void resetForgetsTheStatisticsAndCountingStartsAfresh() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    LiveControl control = new LiveControl();
    AtomicInteger resets = new AtomicInteger();
    LiveListener resetAfterFour = s -> {
      if (s.rounds() == 4 && resets.getAndIncrement() == 0) {
        control.reset();
      }
    };

    LiveSnapshot last = run(net, request().build(), rounds(10), resetAfterFour, control);

    assertThat(last.rounds()).isEqualTo(6);
    assertThat(last.hops()).allSatisfy(hop -> assertThat(hop.sent()).isEqualTo(6));
  }

  @Test
  void noRoundStartsWhilePaused() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    LiveControl control = new LiveControl();
    LiveListener pauseAtTwoForTenSeconds = s -> {
      if (s.rounds() == 2 && !control.paused() && s.elapsedNanos() < 10 * SECOND) {
        control.pause(true);
      }
      if (control.paused() && s.elapsedNanos() >= 12 * SECOND) {
        control.pause(false);
      }
    };

    LiveSnapshot last = run(net, request().build(), rounds(5), pauseAtTwoForTenSeconds, control);

    assertThat(last.rounds()).isEqualTo(5);
    assertThat(net.sent).noneMatch(s -> s.at() > 2 * SECOND && s.at() < 12 * SECOND);
  }

  @Test
  void stopEndsAnEndlessRunWithAFinishedSnapshot() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    LiveControl control = new LiveControl();
    LiveListener stopAtThree = s -> {
      if (s.rounds() == 3) {
        control.stop();
      }
    };

    LiveSnapshot last = run(net, request().build(), rounds(0), stopAtThree, control);

    assertThat(last.finished()).isTrue();
    assertThat(last.rounds()).isEqualTo(3);
  }

  @Test
  void everySnapshotIsConsistent() throws Exception {
    List<HopBehaviour> path = new ArrayList<>(chain(6));
    path.set(2, sometimes(path.get(2), n -> n % 3 != 0));
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 6 * MS));
    List<LiveSnapshot> seen = new ArrayList<>();

    run(net, request().build(), rounds(15), seen::add, new LiveControl());

    assertThat(seen).hasSizeGreaterThan(15);
    long previousRounds = 0;
    for (LiveSnapshot s : seen) {
      assertThat(s.rounds()).isGreaterThanOrEqualTo(previousRounds);
      previousRounds = s.rounds();
      for (HopSnapshot hop : s.hops()) {
        assertThat(hop.received()).isBetween(0L, hop.sent());
        // One probe a round, and a round starts every second.
        assertThat(hop.sent()).isLessThanOrEqualTo(s.elapsedNanos() / SECOND + 1);
      }
    }
  }

  @Test
  void aFullWindowWaitsForRepliesInsteadOfSpinning() {
    // Two probes in flight at most, and silent hops that hold the window for a second each.
    List<HopBehaviour> path = new ArrayList<>(chain(4));
    path.set(0, silent());
    path.set(1, silent());
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 4 * MS));
    TraceRequest narrow = request().maxInFlight(2).build();

    LiveSnapshot last = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> run(net, narrow, rounds(3), LiveListener.NONE,
            new LiveControl()));

    assertThat(last.rounds()).isEqualTo(3);
    assertThat(net.maxOutstandingSeen).isEqualTo(2);
    assertThat(last.hops().get(3).received()).isEqualTo(3);
  }

  @Test
  void theWindowStaysWithinWhatTheSessionsReceiveBufferHolds() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(6), destination(DEST, 6 * MS));
    net.windowLimit = 2;
    LiveSnapshot last = run(net, request().maxInFlight(16).build(), rounds(3), LiveListener.NONE,
        new LiveControl());
    assertThat(net.maxOutstandingSeen).isEqualTo(2);
    assertThat(last.rounds()).isEqualTo(3);
    assertThat(last.hops()).allSatisfy(h -> assertThat(h.received()).isEqualTo(3));
  }
}
