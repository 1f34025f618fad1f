package dev.hoptrace.core.bulk;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.engine.ReplyMeaning;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Traces many destinations at once at a ceiling rate, on one thread, keeping no state per probe:
 * what a reply is about comes back in the probe's {@link ProbeStamp}.
 *
 * <p>Destinations enter in a random order ({@link FeistelPermutation}) while fewer than {@code
 * maxActive} are in progress. Each destination follows the one-shot engine's rules: it may be
 * probed up to {@code gapLimit} TTLs past the highest TTL that answered, never past a final reply
 * (destination, unreachable) or the max TTL; a hop is done when all its probes were answered or
 * the last one's wait ran out; the trace is complete when every hop up to where it stops is done,
 * and is then handed to the listener with the hops a one-shot trace would have had. Probes of all
 * destinations wait in one queue that hands them out in random order ({@link ProbeQueue}), and
 * leave in batches as the {@link RateLimiter} allows.
 */
public final class BulkEngine {
  private static final long IDLE_POLL_NANOS = 50_000_000;
  private static final ReplyKind[] KINDS = ReplyKind.values();

  private final BulkTransport transport;
  private final BulkSettings settings;
  private final BulkListener listener;
  private final TargetTable targets;
  private final ActiveDestinations active;
  private final int[] slotOf;
  private final FeistelPermutation order;
  private final ProbeQueue queue;
  private final Deadlines deadlines;
  private final ProbeBatch batch = new ProbeBatch(RateLimiter.MAX_BURST);
  private final ReplyBatch replies = new ReplyBatch(256);
  private final int firstTtl;
  private final int perHop;
  private final long waitNanos;
  private final boolean ipv6;
  private final byte[] scratch = new byte[16];
  private RateLimiter limiter;
  private int admitted;
  private long firstSend = -1;
  private long lastSend;

  private volatile boolean stopRequested;
  private volatile int completed;
  private volatile long probesSent;
  private volatile long repliesMatched;
  private long late;
  private long duplicates;
  private long unmatched;

  public BulkEngine(BulkTransport transport, BulkSettings settings, BulkListener listener) {
    this.transport = transport;
    this.settings = settings;
    this.listener = listener;
    this.targets = settings.spec().targets();
    this.ipv6 = targets.ipv6();
    this.firstTtl = settings.firstTtl();
    this.perHop = settings.probesPerHop();
    this.waitNanos = settings.replyWait().toNanos();
    int slots = Math.min(settings.maxActive(), targets.size());
    this.active = new ActiveDestinations(slots, settings.hops(), perHop, targets.addressLength());
    this.slotOf = new int[targets.size()];
    Arrays.fill(slotOf, ActiveDestinations.NONE);
    this.order = new FeistelPermutation(targets.size(), settings.seed());
    // What waits at once: each destination in progress has at most a gap limit of hops queued
    // or waiting for their deadline, and the queues grow past that only if it is outrun.
    int window = slots * Math.min(settings.hops(), settings.gapLimit() + 1);
    this.queue = new ProbeQueue(settings.seed() * 31 + 7, window * perHop);
    this.deadlines = new Deadlines(2 * window);
  }

  /** Asks the run to stop soon (from any thread, e.g. a Ctrl-C handler); complete traces stay. */
  public void stop() {
    stopRequested = true;
  }

  /** Destinations done so far (any thread). */
  public int completed() {
    return completed;
  }

  public long probesSent() {
    return probesSent;
  }

  public long repliesMatched() {
    return repliesMatched;
  }

  public BulkSummary run() throws NetworkException {
    long start = transport.now();
    limiter = new RateLimiter(settings.rate(), start);
    while (!stopRequested) {
      long now = transport.now();
      admit();
      expire(now);
      if (admitted == targets.size() && active.inUse() == 0) {
        break;
      }
      boolean sent = sendSome(now);
      long wake = sent && limiter.available(transport.now()) > 0 && !queue.isEmpty()
          ? now : nextWake(now);
      if (wake > now) {
        listener.caughtUp();
      }
      replies.clear();
      transport.receive(replies, wake);
      for (int i = 0; i < replies.count; i++) {
        handle(i);
      }
    }
    listener.caughtUp();
    return new BulkSummary(targets.size(), completed, probesSent, repliesMatched,
        unmatched + replies.unmatched, late, duplicates, replies.malformed,
        transport.now() - start, firstSend < 0 ? 0 : lastSend - firstSend,
        stopRequested && completed < targets.size());
  }

  private long nextWake(long now) {
    long wake = now + IDLE_POLL_NANOS;
    if (!deadlines.isEmpty()) {
      wake = Math.min(wake, deadlines.firstDeadline());
    }
    if (!queue.isEmpty()) {
      wake = Math.min(wake, limiter.nextAt(now));
    }
    return Math.max(wake, now);
  }

  private void admit() {
    while (active.hasFree() && admitted < targets.size()) {
      int destination = (int) order.at(admitted++);
      int s = active.take(destination);
      slotOf[destination] = s;
      queueUpTo(s, lastTtl(s));
    }
  }

  /** The highest TTL of slot {@code s}'s trace as far as is known now. */
  private int lastTtl(int s) {
    int base = Math.max(active.highestAnswered[s], firstTtl - 1);
    long gapEnd = (long) base + settings.gapLimit();
    return (int) Math.min(Math.min(active.finalTtl[s], gapEnd), settings.maxTtl());
  }

  private void queueUpTo(int s, int lastTtl) {
    long generation = active.generation[s];
    while (firstTtl + active.nextHop[s] <= lastTtl) {
      int h = active.nextHop[s]++;
      for (int i = 0; i < perHop; i++) {
        queue.add(pack(s, generation, h, i));
      }
    }
  }

  private boolean sendSome(long now) throws NetworkException {
    int allowed = Math.min(limiter.available(now), batch.capacity());
    if (allowed == 0 || queue.isEmpty()) {
      return false;
    }
    batch.clear();
    while (batch.count < allowed && !queue.isEmpty()) {
      long entry = queue.poll();
      int s = slot(entry);
      if (!current(s, entry)) {
        continue;
      }
      int ttl = firstTtl + hop(entry);
      if (ttl > lastTtl(s)) {
        continue; // cancelled: a lower hop gave a final reply
      }
      int index = index(entry);
      batch.add(active.target[s], ttl, index, ((ttl - 1) * perHop + index) & 0xffff);
      batchEntries[batch.count - 1] = entry;
    }
    if (batch.count == 0) {
      return false;
    }
    limiter.take(batch.count);
    int sent = transport.send(batch);
    for (int k = 0; k < batch.count; k++) {
      long entry = batchEntries[k];
      if (k >= sent) {
        queue.add(entry); // the socket buffer was full: try again later
        continue;
      }
      int s = slot(entry);
      int at = active.hop(s, hop(entry));
      active.sentMask[at] |= (short) (1 << index(entry));
      // Noted for replies whose quote is too short to hold the stamp's send time.
      active.rtt[active.probe(s, hop(entry), index(entry))] = batch.sentAt[k];
      active.probesSent[s]++;
      if (active.firstSentAt[s] < 0) {
        active.firstSentAt[s] = batch.sentAt[k];
      }
      if (active.sentMask[at] == (1 << perHop) - 1) {
        deadlines.add(entry & ~0xfL, batch.sentAt[k] + waitNanos);
      }
    }
    if (sent > 0) {
      if (firstSend < 0) {
        firstSend = batch.sentAt[0];
      }
      lastSend = batch.sentAt[sent - 1];
    }
    probesSent += sent;
    return sent > 0;
  }

  private final long[] batchEntries = new long[RateLimiter.MAX_BURST];

  private void expire(long now) {
    while (!deadlines.isEmpty() && deadlines.firstDeadline() <= now) {
      long entry = deadlines.poll();
      int s = slot(entry);
      if (current(s, entry)) {
        active.expired[active.hop(s, hop(entry))] = true;
        progress(s);
      }
    }
  }

  private void handle(int r) {
    int destination = replies.target[r];
    int s = slotOf[destination];
    if (s == ActiveDestinations.NONE) {
      late++; // its trace is already complete
      return;
    }
    int ttl = replies.ttl[r];
    int index = replies.index[r];
    boolean bySequence = ttl == ReplyBatch.FROM_SEQUENCE;
    if (bySequence) { // a short quote: the headers said where in the trace the probe was
      ttl = index / perHop + 1;
      index %= perHop;
    }
    int h = ttl - firstTtl;
    if (h < 0 || h >= active.hops || index >= perHop
        || (active.sentMask[active.hop(s, h)] & (1 << index)) == 0) {
      unmatched++; // a stamp of this run for a probe that never left: forged or corrupted
      return;
    }
    int at = active.hop(s, h);
    int bit = 1 << index;
    if ((active.answeredMask[at] & bit) != 0) {
      active.duplicates[s]++;
      duplicates++;
      return;
    }
    int p = active.probe(s, h, index);
    long sentAt = bySequence ? active.rtt[p] : replies.sentAt[r];
    // Late: after its own wait (the stamp says when it left), or for a hop given up on or cut.
    if (active.expired[at] || ttl > lastTtl(s) || replies.receivedAt[r] - sentAt > waitNanos) {
      active.late[s]++;
      late++;
      return;
    }
    ReplyKind kind = replies.kind(r);
    active.answeredMask[at] |= (short) bit;
    active.kind[p] = (byte) (kind.ordinal() + 1);
    active.rtt[p] = Math.max(0, replies.receivedAt[r] - sentAt);
    active.icmpType[p] = (byte) replies.icmpType[r];
    active.icmpCode[p] = (byte) replies.icmpCode[r];
    active.replyTtl[p] = (short) replies.replyTtl[r];
    active.mtu[p] = replies.mtu[r];
    System.arraycopy(replies.responder, r * 16, active.responder, p * active.addressLength,
        active.addressLength);
    active.highestAnswered[s] = Math.max(active.highestAnswered[s], ttl);
    repliesMatched++;
    if (kind != ReplyKind.TIME_EXCEEDED && ttl <= active.finalTtl[s]) {
      active.finalTtl[s] = ttl;
      active.reached[s] |= targets.isAddress(destination, replies.responder, r * 16);
    }
    progress(s);
  }

  /** Queues what slot {@code s} may now probe, and completes its trace when nothing is left. */
  private void progress(int s) {
    int last = lastTtl(s);
    queueUpTo(s, last);
    for (int h = 0; firstTtl + h <= last; h++) {
      if (!active.hopDone(s, h)) {
        return;
      }
    }
    complete(s, last);
  }

  private void complete(int s, int last) {
    int destination = active.target[s];
    TraceRequest request = settings.request(destination);
    List<Hop> hops = new ArrayList<>(last - firstTtl + 1);
    for (int h = 0; firstTtl + h <= last && listener.wantsHops(); h++) {
      List<ProbeResult> probes = new ArrayList<>(perHop);
      for (int i = 0; i < perHop; i++) {
        probes.add(result(s, h, i));
      }
      hops.add(new Hop(firstTtl + h, probes));
    }
    boolean hasFinal = active.finalTtl[s] != Integer.MAX_VALUE;
    StopReason reason = hasFinal
        ? (active.reached[s] ? StopReason.DESTINATION_REACHED : StopReason.UNREACHABLE)
        : last < settings.maxTtl() ? StopReason.GAP_LIMIT : StopReason.MAX_TTL;
    long elapsed = active.firstSentAt[s] < 0 ? 0 : transport.now() - active.firstSentAt[s];
    TraceResult result = new TraceResult(request, transport.info(), hops, active.reached[s],
        reason, new DropCounts(0, active.late[s], active.duplicates[s], 0), elapsed,
        active.probesSent[s]);
    slotOf[destination] = ActiveDestinations.NONE;
    active.release(s);
    completed++;
    listener.completed(result);
  }

  private ProbeResult result(int s, int h, int i) {
    int ttl = firstTtl + h;
    int p = active.probe(s, h, i);
    if (active.kind[p] == 0) {
      return ProbeResult.timeout(ttl, i);
    }
    ReplyKind kind = KINDS[active.kind[p] - 1];
    // A SYN-ACK or RST is no ICMP message: no type or code, as in a one-shot trace.
    boolean segment = kind == ReplyKind.TCP_OPEN || kind == ReplyKind.TCP_REFUSED;
    int type = segment ? -1 : active.icmpType[p] & 0xff;
    int code = segment ? -1 : active.icmpCode[p] & 0xff;
    ReplyMeaning meaning = ReplyMeaning.of(kind, type, code, active.mtu[p], ipv6);
    return new ProbeResult(ttl, i, Optional.of(responder(p)), active.rtt[p], Optional.of(kind),
        type, code, active.replyTtl[p], meaning.annotation(), meaning.isFinal(),
        IcmpExtensions.NONE, Optional.empty());
  }

  private InetAddress responder(int p) {
    int length = active.addressLength;
    System.arraycopy(active.responder, p * length, scratch, 0, length);
    try {
      return InetAddress.getByAddress(Arrays.copyOf(scratch, length));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private boolean current(int s, long entry) {
    return active.target[s] != ActiveDestinations.NONE
        && active.generation[s] == (int) ((entry >>> 12) & 0xffff);
  }

  /** slot (bits 28..), generation (12..27), hop (4..11), probe index (0..3). */
  private static long pack(int slot, long generation, int hop, int index) {
    return (long) slot << 28 | (generation & 0xffff) << 12 | (long) hop << 4 | index;
  }

  private static int slot(long entry) {
    return (int) (entry >>> 28);
  }

  private static int hop(long entry) {
    return (int) ((entry >>> 4) & 0xff);
  }

  private static int index(long entry) {
    return (int) (entry & 0xf);
  }
}
