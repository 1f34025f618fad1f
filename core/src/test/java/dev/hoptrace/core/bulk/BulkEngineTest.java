package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SessionInfo;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The engine against a scripted network in virtual time: routers at TTLs below each
 * destination's distance, the destination at it; replies can be doubled, delayed past their wait,
 * or forged, and must then be counted, never used.
 */
class BulkEngineTest {
  private static final long MS = 1_000_000;

  /** A network where destination d is {@code distance} hops away; every hop answers after 1 ms. */
  private static final class Script implements BulkTransport {
    record Pending(long at, int target, int ttl, int index, long sentAt, boolean forged)
        implements Comparable<Pending> {
      public int compareTo(Pending o) {
        return Long.compare(at, o.at);
      }
    }

    final TargetTable targets;
    final int distance;
    final PriorityQueue<Pending> pending = new PriorityQueue<>();
    IntPredicate silentTtl = ttl -> false;
    boolean duplicateEverything;
    long extraDelayAtTtl2;
    boolean forgeNeverSentProbe;
    long now;
    int sent;

    Script(TargetTable targets, int distance) {
      this.targets = targets;
      this.distance = distance;
    }

    @Override
    public SessionInfo info() {
      try {
        return new SessionInfo(ProbeMode.RAW, "script", "", InetAddress.getByName("10.9.9.9"),
            true);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public int send(ProbeBatch batch) {
      for (int i = 0; i < batch.count; i++) {
        batch.sentAt[i] = now;
        sent++;
        int ttl = batch.ttl[i];
        if (silentTtl.test(ttl) && ttl < distance) {
          continue;
        }
        long delay = MS + (ttl == 2 ? extraDelayAtTtl2 : 0);
        pending.add(new Pending(now + delay, batch.target[i], ttl, batch.index[i], now, false));
        if (duplicateEverything) {
          pending.add(new Pending(now + delay + MS, batch.target[i], ttl, batch.index[i], now,
              false));
        }
        if (forgeNeverSentProbe && sent == 1) {
          // A stamp of this run for a TTL this destination was never probed at.
          pending.add(new Pending(now + MS, batch.target[i], 29, 0, now, true));
        }
      }
      return batch.count;
    }

    @Override
    public void receive(ReplyBatch replies, long deadline) {
      if (pending.isEmpty() || pending.peek().at() > deadline) {
        now = Math.max(now, deadline);
        return;
      }
      now = Math.max(now, pending.peek().at());
      while (!pending.isEmpty() && pending.peek().at() <= now && !replies.full()) {
        Pending p = pending.poll();
        boolean reached = p.ttl() >= distance;
        byte[] from = new byte[4];
        if (reached) {
          targets.copyAddress(p.target(), from, 0);
        } else {
          from = new byte[] {10, 0, 0, (byte) p.ttl()};
        }
        int r = replies.add(p.target(), p.ttl(), p.index(), p.sentAt(), now,
            reached ? ReplyKind.UNREACHABLE : ReplyKind.TIME_EXCEEDED, reached ? 3 : 11,
            reached ? 3 : 0, 0, 60);
        System.arraycopy(from, 0, replies.responder, r * 16, 4);
      }
    }

    @Override
    public void close() {}
  }

  private static TargetTable targets(int n) {
    TargetTable.Builder b = new TargetTable.Builder(false);
    for (int i = 0; i < n; i++) {
      b.add(new byte[] {(byte) 198, 18, 100, (byte) (i + 1)}, null);
    }
    return b.build();
  }

  private static BulkSettings settings(TargetTable t, int maxActive) {
    BulkSpec spec = new BulkSpec(t, Protocol.UDP, ProbeMode.RAW, true, 33434, 60, 0, 1);
    return new BulkSettings(spec, 1, 30, 3, 5, 1000, Duration.ofMillis(100), maxActive, 5);
  }

  private static Map<InetAddress, TraceResult> run(Script script, BulkSettings settings,
      List<BulkSummary> summary) throws Exception {
    Map<InetAddress, TraceResult> results = new HashMap<>();
    summary.add(new BulkEngine(script, settings,
        r -> assertThat(results.put(r.request().destination(), r)).isNull()).run());
    return results;
  }

  @Test
  void everyDestinationEndsAtItsDistanceWithEveryHop() throws Exception {
    TargetTable t = targets(50);
    Script script = new Script(t, 6);
    List<BulkSummary> summary = new ArrayList<>();
    Map<InetAddress, TraceResult> results = run(script, settings(t, 7), summary);
    assertThat(results).hasSize(50);
    for (TraceResult r : results.values()) {
      assertThat(r.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
      assertThat(r.reached()).isTrue();
      assertThat(r.hops()).extracting(h -> h.ttl()).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(r.hops().get(2).responders())
          .containsExactly(InetAddress.getByName("10.0.0.3"));
      assertThat(r.hops().get(5).responders()).containsExactly(r.request().destination());
      assertThat(r.hops()).allSatisfy(h -> assertThat(h.probes())
          .allSatisfy(p -> assertThat(p.rttNanos()).isEqualTo(MS)));
    }
    assertThat(summary.getFirst().completed()).isEqualTo(50);
    assertThat(summary.getFirst().probesSent()).isEqualTo(script.sent);
  }

  @Test
  void silentHopsAreTimeoutsAndTheGapLimitEndsTheTrace() throws Exception {
    TargetTable t = targets(3);
    Script script = new Script(t, 20);
    script.silentTtl = ttl -> ttl >= 4;
    Map<InetAddress, TraceResult> results = run(script, settings(t, 64), new ArrayList<>());
    for (TraceResult r : results.values()) {
      assertThat(r.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
      assertThat(r.hops()).hasSize(3 + 5);
      assertThat(r.hops().subList(3, 8)).allMatch(h -> h.silent());
    }
  }

  @Test
  void duplicatesAreCountedNotUsed() throws Exception {
    TargetTable t = targets(4);
    Script script = new Script(t, 3);
    script.duplicateEverything = true;
    List<BulkSummary> summary = new ArrayList<>();
    Map<InetAddress, TraceResult> results = run(script, settings(t, 64), summary);
    for (TraceResult r : results.values()) {
      assertThat(r.hops()).hasSize(3);
      // Each probe's first reply was used; the second ones that came while the destination was
      // in progress are its duplicates, the rest arrived after it was done.
      assertThat(r.dropped().duplicate()).isPositive();
    }
    // Every second reply is counted: as a duplicate, as late, or still on its way at the end.
    assertThat(summary.getFirst().duplicates() + summary.getFirst().late()
        + script.pending.size()).isEqualTo(summary.getFirst().replies());
  }

  @Test
  void aReplyAfterItsWaitIsLateAndTheHopSilent() throws Exception {
    TargetTable t = targets(1);
    Script script = new Script(t, 4);
    script.extraDelayAtTtl2 = 150 * MS; // the wait is 100 ms
    List<BulkSummary> summary = new ArrayList<>();
    Map<InetAddress, TraceResult> results = run(script, settings(t, 64), summary);
    TraceResult r = results.values().iterator().next();
    assertThat(r.hops().get(1).silent()).isTrue();
    assertThat(r.hops().get(2).responders()).containsExactly(InetAddress.getByName("10.0.0.3"));
    // The destination completed when hop 2's wait ran out; its three replies came after.
    assertThat(summary.getFirst().late() + script.pending.size()).isEqualTo(3);
  }

  @Test
  void aLateReplyWhileItsDestinationIsInProgressIsChargedToIt() throws Exception {
    TargetTable t = targets(1);
    Script script = new Script(t, 20);
    script.silentTtl = ttl -> ttl >= 3; // hops 3..7 keep the destination going past 100 ms
    script.extraDelayAtTtl2 = 101 * MS;
    List<BulkSummary> summary = new ArrayList<>();
    TraceResult r = run(script, settings(t, 64), summary).values().iterator().next();
    assertThat(r.hops().get(1).silent()).isTrue();
    // Each of hop 2's replies came 102 ms after its probe, past the 100 ms wait: late, charged
    // to the destination while it was in progress; the run counts them all.
    assertThat(r.dropped().late()).isPositive();
    assertThat(summary.getFirst().late() + script.pending.size()).isEqualTo(3);
    assertThat(r.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
    assertThat(r.hops()).hasSize(1 + 5);
  }

  @Test
  void aStampForAProbeNeverSentIsUnmatched() throws Exception {
    TargetTable t = targets(1);
    Script script = new Script(t, 3);
    script.forgeNeverSentProbe = true;
    List<BulkSummary> summary = new ArrayList<>();
    Map<InetAddress, TraceResult> results = run(script, settings(t, 64), summary);
    assertThat(summary.getFirst().unmatched()).isEqualTo(1);
    assertThat(results.values().iterator().next().hops()).hasSize(3);
  }

  @Test
  void memoryIsSetByDestinationsInProgressNotByProbes() throws Exception {
    // 2000 destinations through 16 slots: every slot is reused, and the run still completes.
    TargetTable t = targets(200);
    Script script = new Script(t, 5);
    List<BulkSummary> summary = new ArrayList<>();
    Map<InetAddress, TraceResult> results = run(script, settings(t, 16), summary);
    assertThat(results).hasSize(200);
    assertThat(results.values()).allMatch(TraceResult::reached);
  }
}
