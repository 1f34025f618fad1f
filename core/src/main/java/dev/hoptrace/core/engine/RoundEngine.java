package dev.hoptrace.core.engine;

import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Diagnosis;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * A continuous trace (mtr's model): a new round every interval, each a sweep of the path's TTLs
 * with the probes of all hops in flight at once, statistics per hop, a diagnosis after each round.
 *
 * <p>Rounds may overlap (a round waits up to a second for a silent hop while the next one starts),
 * at most {@link #MAX_OPEN_ROUNDS} of them. A probe counts as sent once it has an outcome, so
 * Loss% never includes a probe still in flight. Memory is fixed however long it runs: statistics
 * are running aggregates plus a window of samples, probe sequences wrap round, and the matcher
 * remembers a bounded number of finished probes.
 *
 * <p>Failures that pass (a send refused because the route is gone, a receive error) become the
 * snapshot's problem and the run goes on; the probes they cost count as lost.
 */
public final class RoundEngine implements ReplySink {
  static final int MAX_OPEN_ROUNDS = 64;
  private static final long PUBLISH_GAP = 50_000_000L;
  /** Even when nothing happens (paused, a long interval) a snapshot a second shows the time. */
  private static final long HEARTBEAT = 1_000_000_000L;
  /** The longest the engine sleeps before it looks at the user's controls again. */
  private static final long CONTROL_POLL = 100_000_000L;
  private static final long ERROR_BACKOFF_MILLIS = 50;

  private final TraceRequest request;
  private final RoundPolicy policy;
  private final ProbeSession session;
  private final LiveListener listener;
  private final LiveControl control;
  private final int firstTtl;
  private final PathState path;
  private final RoundWait wait;
  private final Matcher matcher;
  private final Strategy strategy;
  private final ArrayDeque<Round> open = new ArrayDeque<>();
  private final InFlight inFlight;
  private final int sequenceSpace;
  private final long interval;
  private final long sendGap;

  private int nextSequence;
  private long roundsStarted;
  private long roundsDone;
  private Optional<String> problem = Optional.empty();
  /** Everything the session handed over (replies, malformed, foreign): whether a drain found more. */
  private long taken;
  /** Receive passes one drain may take: each reads up to 64 replies per socket. */
  private static final int MAX_DRAIN_PASSES = 64;
  /** Probes refused since the statistics began; the diagnosis discounts them from the loss. */
  private SendFailures notSent = SendFailures.NONE;
  private long start;
  private long lastPublish;
  private long nextSendAt;
  private boolean dirty;

  public RoundEngine(TraceRequest request, RoundPolicy policy, ProbeSession session,
      LiveListener listener, LiveControl control) {
    this.request = request;
    this.policy = policy;
    this.session = session;
    this.listener = listener;
    this.control = control;
    this.firstTtl = request.firstTtl();
    this.path = new PathState(firstTtl, request.maxTtl(), request.gapLimit());
    this.wait = new RoundWait(request.replyWait(), policy.grace(), firstTtl, request.maxTtl());
    this.matcher = new Matcher(request.destination());
    this.inFlight = new InFlight(matcher, session);
    this.strategy = Strategy.of(request);
    this.sequenceSpace = strategy.sequenceSpace();
    this.interval = policy.interval().toNanos();
    this.sendGap = request.sendWait().toNanos();
  }

  public LiveSnapshot run() {
    start = session.now();
    long nextRoundAt = start;
    publish(start);
    while (!control.stopped()) {
      long now = session.now();
      if (control.takeReset()) {
        reset();
      }
      if (inFlight.earliestDeadline() <= now) {
        // Take what has arrived before giving up on anything: a reply may be waiting unread,
        // and after a pause of the process a backlog that one pass does not empty.
        for (int pass = 0; pass < MAX_DRAIN_PASSES; pass++) {
          long before = taken;
          receive(session.now());
          if (taken == before) {
            break;
          }
        }
        now = session.now();
      }
      expire(now);
      closeRounds(now);
      boolean moreRounds = policy.rounds() == 0 || roundsStarted < policy.rounds();
      if (!moreRounds && open.isEmpty()) {
        break;
      }
      boolean mayStart = moreRounds && !control.paused() && open.size() < MAX_OPEN_ROUNDS;
      if (mayStart && now >= nextRoundAt) {
        open.addLast(new Round(++roundsStarted, firstTtl, request.maxTtl()));
        // Keep the cadence, unless a pause (or a backlog) put us a whole interval behind it.
        nextRoundAt = now - nextRoundAt < interval ? nextRoundAt + interval : now + interval;
      }
      long sendAgainAt = sendDue(now);
      if ((dirty && now - lastPublish >= PUBLISH_GAP) || now - lastPublish >= HEARTBEAT) {
        publish(now);
      }
      long wake = Math.min(inFlight.earliestDeadline(), now + CONTROL_POLL);
      if (mayStart) {
        wake = Math.min(wake, nextRoundAt);
      }
      wake = Math.min(wake, sendAgainAt);
      wake = Math.min(wake, lastPublish + (dirty ? PUBLISH_GAP : HEARTBEAT));
      receive(wake);
    }
    inFlight.releaseAll();
    LiveSnapshot last = snapshot(session.now(), true);
    listener.finished(last);
    return last;
  }

  private void receive(long wake) {
    try {
      session.receive(wake, this);
    } catch (NetworkException e) {
      trouble("receiving failed: " + e.getMessage());
      try {
        Thread.sleep(ERROR_BACKOFF_MILLIS); // a socket error would otherwise repeat at once
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        control.stop();
      }
    }
  }

  /**
   * Sends what the open rounds have due. Returns when to try again: the end of the send gap, or
   * never while the window is full (a reply or an expiry frees it and wakes the loop anyway).
   */
  private long sendDue(long now) {
    for (Round round : open) {
      while (round.nextTtl <= path.limit(round)) {
        if (inFlight.size() >= Math.min(request.maxInFlight(), session.windowLimit())) {
          return Long.MAX_VALUE;
        }
        if (now < nextSendAt) {
          return nextSendAt;
        }
        send(round);
        nextSendAt = now + sendGap;
      }
    }
    return Long.MAX_VALUE;
  }

  private void send(Round round) {
    int ttl = round.nextTtl;
    ProbeSlot slot = new ProbeSlot(ttl, round.nextIndex, nextSequence, round.number);
    nextSequence = (nextSequence + 1) % sequenceSpace;
    if (++round.nextIndex == request.probesPerHop()) {
      round.nextIndex = 0;
      round.nextTtl++;
    }
    path.sent(ttl);
    round.sent(ttl);
    try {
      slot.sent = session.send(strategy.probe(slot));
    } catch (NetworkException e) {
      round.hadProblem = true;
      trouble("sending failed: " + e.getMessage());
      round.outcome(ttl, false);
      if (!round.stale) {
        path.hop(ttl).lost();
        notSent = notSent.plus(ttl, e.getMessage());
      }
      return;
    }
    slot.deadline = deadline(slot);
    inFlight.add(slot);
  }

  @Override
  public void accept(Reply reply) {
    taken++;
    ProbeSlot slot = matcher.match(reply);
    dirty = true;
    if (slot == null) {
      return;
    }
    inFlight.answered(slot);
    slot.state = ProbeSlot.State.DONE;
    Round round = round(slot.round);
    ReplyMeaning meaning = ReplyMeaning.of(reply, request.ipv6());
    long rtt = Math.max(0, reply.receivedAt() - slot.sent.sentAt());
    boolean fromDestination = reply.responder().equals(request.destination());
    wait.answered(slot.ttl - firstTtl, rtt);
    path.answered(slot.ttl);
    inFlight.reschedule(this::deadline);
    if (round == null) {
      return; // its round was closed by a reset; nothing to count it in
    }
    round.outcome(slot.ttl, true);
    if (!round.stale) {
      path.hop(slot.ttl).answered(reply.responder(), rtt / 1e6, meaning.annotation(),
          fromDestination && meaning.isFinal(), reply.extensions());
      path.hop(slot.ttl).showed(reply.quotedIp(),
          dev.hoptrace.core.ProbeResult.returnHops(reply.replyTtl()));
    }
    if (meaning.isFinal() && slot.ttl <= round.finalTtl) {
      round.finalTtl = slot.ttl;
      round.reachedDestination = fromDestination;
      cancelAbove(round, slot.ttl);
    } else if (!meaning.isFinal() && path.finalTtl() > 0 && slot.ttl >= path.finalTtl()) {
      round.grew = true;
    }
  }

  @Override
  public void malformed(String why) {
    taken++;
    matcher.malformed();
    dirty = true;
  }

  @Override
  public void foreign(String why) {
    taken++;
    matcher.foreign();
    dirty = true;
  }

  private void cancelAbove(Round round, int ttl) {
    inFlight.cancel(slot -> slot.round == round.number && slot.ttl > ttl,
        slot -> round.cancelled(slot.ttl));
  }

  private void expire(long now) {
    inFlight.expire(now, slot -> {
      slot.state = ProbeSlot.State.DONE;
      Round round = round(slot.round);
      if (round != null) {
        round.outcome(slot.ttl, false);
        if (!round.stale) {
          path.hop(slot.ttl).lost();
        }
      }
      dirty = true;
    });
  }

  private long deadline(ProbeSlot slot) {
    return slot.sent.sentAt() + wait.waitFor(slot.ttl - firstTtl);
  }

  /** Closes finished rounds, oldest first: loss walk, the path's end, the diagnosis. */
  private void closeRounds(long now) {
    boolean closed = false;
    while (!open.isEmpty()) {
      Round round = open.peekFirst();
      if (round.awaiting() || round.nextTtl <= path.limit(round)) {
        break;
      }
      open.removeFirst();
      path.closed(round);
      if (!round.stale) {
        roundsDone++;
      }
      if (!round.hadProblem) {
        problem = Optional.empty();
      }
      closed = true;
    }
    if (closed) {
      publish(now);
    }
  }

  private void reset() {
    path.reset();
    for (Round round : open) {
      round.stale = true;
    }
    matcher.resetCounts();
    notSent = SendFailures.NONE;
    roundsDone = 0;
    dirty = true;
  }

  private void trouble(String message) {
    problem = Optional.of(message);
    for (Round round : open) {
      round.hadProblem = true;
    }
    dirty = true;
  }

  private Round round(long number) {
    for (Round round : open) {
      if (round.number == number) {
        return round;
      }
    }
    return null;
  }

  private void publish(long now) {
    listener.updated(snapshot(now, false));
    lastPublish = now;
    dirty = false;
  }

  /** The diagnosis is read afresh from the same hops, so its figures always match the table's. */
  private LiveSnapshot snapshot(long now, boolean finished) {
    List<HopSnapshot> hops = path.shown();
    List<Finding> findings = roundsDone == 0 ? List.of()
        : Diagnosis.of(request, hops, control.directChecks(), notSent);
    return new LiveSnapshot(request, session.info(), roundsDone, hops, path.destinationTtl(),
        matcher.counts(), problem, control.paused(), finished, now - start, findings, notSent);
  }
}
