package dev.hoptrace.core.engine;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One trace: sends probes for many TTLs at once (up to {@code maxInFlight}), waits for the
 * nearest deadline or reply, ties replies to probes, and reports hops strictly in TTL order. All
 * state lives on the calling thread; time is the session's clock, so a simulated network runs it in
 * virtual time.
 *
 * <p>Where it stops: at the first hop with a final reply (the rest of that hop's probes are still
 * sent, later TTLs are cancelled), after {@code gapLimit} silent hops past the highest hop that
 * answered (probes beyond that are not sent until something above answers), or at the max TTL.
 *
 * <p>With path MTU discovery a probe refused as too big is sent again smaller ({@link
 * MtuDiscovery}) before anything new goes out; its hop is complete once the smaller one ends.
 */
public final class TraceEngine implements ReplySink {
  private final TraceRequest request;
  private final ProbeSession session;
  private final TraceListener listener;
  private final HopTable table;
  private final Matcher matcher;
  private final AdaptiveWait wait;
  private final Strategy strategy;
  private final InFlight inFlight;
  private final List<Hop> reported = new ArrayList<>();
  /** Path MTU discovery, or null when the request did not ask for it. */
  private final MtuDiscovery mtu;
  /** Probes refused as too big, to be sent again smaller (path MTU discovery). */
  private final ArrayDeque<ProbeSlot> resend = new ArrayDeque<>();
  private final long sendGap;
  /** Receive passes one drain may take: each reads up to 64 replies per socket. */
  private static final int MAX_DRAIN_PASSES = 64;

  private int nextTtl;
  private int nextIndex;
  private int nextHopToReport;
  /** Lowest TTL with a final reply; nothing above it is part of the trace. */
  private int finalTtl = Integer.MAX_VALUE;
  private boolean reached;
  private int probesSent;
  private SendFailures notSent = SendFailures.NONE;
  /** Everything the session handed over (replies, malformed, foreign): whether a drain found more. */
  private long taken;

  public TraceEngine(TraceRequest request, ProbeSession session, TraceListener listener) {
    this.request = request;
    this.mtu = request.discoverMtu()
        ? new MtuDiscovery(request.packetLength(), request.ipv6()) : null;
    this.session = mtu == null ? session : mtu.sizing(session);
    this.listener = listener;
    this.table = new HopTable(request.firstTtl(), request.maxTtl(), request.probesPerHop());
    this.matcher = new Matcher(request.destination());
    this.inFlight = new InFlight(matcher, session);
    this.wait = new AdaptiveWait(request.replyWait());
    this.strategy = Strategy.of(request);
    this.sendGap = request.sendWait().toNanos();
    this.nextTtl = request.firstTtl();
    this.nextHopToReport = request.firstTtl();
  }

  public TraceResult run() throws NetworkException {
    listener.started(request, session.info());
    long start = session.now();
    long nextSendAt = start;
    while (true) {
      long now = session.now();
      if (inFlight.earliestDeadline() <= now) {
        drainQueued(); // before giving up on anything: its reply may be waiting unread
        now = session.now();
      }
      expire(now);
      reportCompletedHops();
      if (done()) {
        break;
      }
      if (!resend.isEmpty() && now >= nextSendAt) {
        sendAgain(resend.poll());
        nextSendAt = now + sendGap;
        session.receive(session.now(), this);
        continue;
      }
      if (canSend() && now >= nextSendAt) {
        send();
        nextSendAt = now + sendGap;
        // Take what has already arrived before sending on, so that a reply whose time is read in
        // user space (a TCP RST) is not left waiting behind a burst of sends.
        session.receive(session.now(), this);
        continue;
      }
      long wake = inFlight.earliestDeadline();
      if (canSend() || !resend.isEmpty()) {
        wake = Math.min(wake, nextSendAt);
      }
      session.receive(wake, this);
    }
    inFlight.releaseAll();
    TraceResult result = new TraceResult(request, session.info(), reported, reached, stopReason(),
        matcher.counts(), session.now() - start, probesSent,
        Optional.ofNullable(mtu).map(MtuDiscovery::result), notSent);
    listener.finished(result);
    return result;
  }

  /** The highest TTL that belongs to the trace as far as is known now. */
  private int lastTtl() {
    int base = Math.max(table.highestAnswered(), request.firstTtl() - 1);
    long gapEnd = (long) base + request.gapLimit();
    return (int) Math.min(Math.min(finalTtl, gapEnd), request.maxTtl());
  }

  private boolean canSend() {
    return nextTtl <= lastTtl()
        && inFlight.size() < Math.min(request.maxInFlight(), session.windowLimit());
  }

  /**
   * Sends the next probe. When the network refuses it after the trace got going (a route removed,
   * an interface taken down), the probe is given up as unanswered and the trace goes on, so what
   * was found is kept and the path shows again once the route is back. A refusal of the very first
   * probe still ends the trace: there is no path to show.
   */
  private void send() throws NetworkException {
    ProbeSlot slot = table.hop(nextTtl)[nextIndex];
    if (++nextIndex == request.probesPerHop()) {
      nextIndex = 0;
      nextTtl++;
    }
    transmit(slot);
  }

  private void transmit(ProbeSlot slot) throws NetworkException {
    try {
      slot.sent = session.send(strategy.probe(slot));
    } catch (NetworkException e) {
      if (probesSent == 0) {
        throw e;
      }
      notSent = notSent.plus(slot.ttl, e.getMessage());
      slot.complete(ProbeResult.timeout(slot.ttl, slot.index));
      listener.probeTimedOut(slot.ttl, slot.index);
      return;
    }
    slot.deadline = wait.deadline(slot, table);
    inFlight.add(slot);
    probesSent++;
    listener.probeSent(slot.ttl, slot.index);
  }

  /**
   * Reads every reply already queued. After the process stood still (a long GC pause, a starved
   * CPU, SIGSTOP) a socket holds a backlog that one receive pass does not empty, and a probe
   * must not be given up while its reply waits in it. Bounded: a flood cannot keep it here.
   */
  private void drainQueued() throws NetworkException {
    for (int pass = 0; pass < MAX_DRAIN_PASSES; pass++) {
      long before = taken;
      session.receive(session.now(), this);
      if (taken == before) {
        return;
      }
    }
  }

  /**
   * A probe refused as too big goes out again, at the path MTU now known ({@link
   * MtuDiscovery#sizing}), unless the trace ended below its TTL meanwhile.
   */
  private void sendAgain(ProbeSlot slot) throws NetworkException {
    if (slot.ttl > finalTtl) {
      slot.state = ProbeSlot.State.CANCELLED;
      return;
    }
    transmit(slot);
  }

  private void expire(long now) {
    inFlight.expire(now, slot -> {
      slot.complete(ProbeResult.timeout(slot.ttl, slot.index));
      listener.probeTimedOut(slot.ttl, slot.index);
    });
  }

  @Override
  public void accept(Reply reply) {
    taken++;
    ProbeSlot slot = matcher.match(reply);
    if (slot == null) {
      return;
    }
    inFlight.answered(slot);
    if (mtu != null && reply.kind() == ReplyKind.PACKET_TOO_BIG && mtu.shrink(slot, reply) > 0) {
      slot.state = ProbeSlot.State.PENDING;
      resend.add(slot);
      return;
    }
    ReplyMeaning meaning = ReplyMeaning.of(reply, request.ipv6());
    long rtt = Math.max(0, reply.receivedAt() - slot.sent.sentAt());
    ProbeResult result = new ProbeResult(slot.ttl, slot.index, Optional.of(reply.responder()), rtt,
        Optional.of(reply.kind()), reply.icmpType(), reply.icmpCode(), reply.replyTtl(),
        meaning.annotation(), meaning.isFinal(), reply.extensions(), reply.quotedIp());
    slot.complete(result);
    table.answered(slot.ttl, rtt);
    listener.probeAnswered(result);
    if (meaning.isFinal() && slot.ttl <= finalTtl) {
      finalTtl = slot.ttl;
      reached |= reply.responder().equals(request.destination());
      cancelAbove(finalTtl);
    }
    inFlight.reschedule(other -> wait.deadline(other, table));
  }

  @Override
  public void malformed(String why) {
    taken++;
    matcher.malformed();
  }

  @Override
  public void foreign(String why) {
    taken++;
    matcher.foreign();
  }

  private void cancelAbove(int ttl) {
    inFlight.cancel(slot -> slot.ttl > ttl, slot -> {});
  }

  private void reportCompletedHops() {
    while (nextHopToReport <= lastTtl() && table.complete(nextHopToReport)) {
      Hop hop = table.snapshot(nextHopToReport);
      reported.add(hop);
      if (mtu != null) {
        listener.hopSizes(mtu.hop(table.hop(nextHopToReport)));
      }
      listener.hopCompleted(hop);
      nextHopToReport++;
    }
  }

  /** Every TTL of the trace has been reported and nothing is outstanding. */
  private boolean done() {
    return nextHopToReport > lastTtl() && inFlight.isEmpty() && resend.isEmpty();
  }

  private StopReason stopReason() {
    if (finalTtl != Integer.MAX_VALUE) {
      return reached ? StopReason.DESTINATION_REACHED : StopReason.UNREACHABLE;
    }
    return lastTtl() < request.maxTtl() ? StopReason.GAP_LIMIT : StopReason.MAX_TTL;
  }
}
