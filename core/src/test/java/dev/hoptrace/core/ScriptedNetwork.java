package dev.hoptrace.core;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A path of hops in virtual time, for engine tests: each TTL maps to a {@link HopBehaviour} that
 * says who answers a probe, how and after how long. No sockets, no sleeping.
 */
public final class ScriptedNetwork implements Network {

  /** What the hop at a TTL does with one probe: empty = silent. */
  public interface HopBehaviour extends Function<OutgoingProbe, Optional<ScriptedReply>> {}

  /** A reply the script produces, {@code afterNanos} after the probe left. */
  public record ScriptedReply(InetAddress from, ReplyKind kind, int type, int code, long afterNanos) {}

  private final List<HopBehaviour> hops = new ArrayList<>();
  private final HopBehaviour beyond;
  /** Everything the engine sent, in order, with the virtual send time. */
  public final List<SentRecord> sent = new ArrayList<>();
  /** Extra replies injected at absolute virtual times (forged, duplicated, foreign). */
  public final List<Injected> injected = new ArrayList<>();
  public int maxOutstandingSeen;
  /** Sends refused as the kernel refuses them when a route is gone (tests of transient faults). */
  public java.util.function.LongPredicate sendFailsAt = at -> false;
  /** What the session says its receive buffer holds, as a shared unprivileged socket does. */
  public int windowLimit = Integer.MAX_VALUE;
  /** Replies one receive call hands over at most, as a socket read per wake-up is bounded. */
  public int repliesPerReceive = Integer.MAX_VALUE;
  private long stallFrom = -1;
  private long stallFor;
  private long clock;
  private int outstanding;

  public record SentRecord(OutgoingProbe probe, long at) {}

  public record Injected(long at, Reply reply) {}

  /** Hops 1..n behave as given; TTLs past the list behave like {@code beyond}. */
  public ScriptedNetwork(List<HopBehaviour> path, HopBehaviour beyond) {
    hops.addAll(path);
    this.beyond = beyond;
  }

  /**
   * The process stands still once the clock reaches {@code from}, for {@code duration}: the
   * receive call then in progress returns that much later having read nothing, as after SIGSTOP
   * or a long GC pause; replies due meanwhile wait in the socket.
   */
  public void stall(long from, long duration) {
    stallFrom = from;
    stallFor = duration;
  }

  public long clock() {
    return clock;
  }

  public static HopBehaviour router(InetAddress address, long rttNanos) {
    return probe -> Optional.of(new ScriptedReply(address, ReplyKind.TIME_EXCEEDED, 11, 0, rttNanos));
  }

  public static HopBehaviour silent() {
    return probe -> Optional.empty();
  }

  public static HopBehaviour destination(InetAddress address, long rttNanos) {
    return probe -> Optional.of(new ScriptedReply(address, ReplyKind.UNREACHABLE, 3, 3, rttNanos));
  }

  public static HopBehaviour unreachable(InetAddress address, int code, long rttNanos) {
    return probe -> Optional.of(new ScriptedReply(address, ReplyKind.UNREACHABLE, 3, code, rttNanos));
  }

  @Override
  public ProbeSession open(SessionSpec spec) {
    return new Session(spec);
  }

  private final class Session implements ProbeSession {
    private final SessionSpec spec;
    private final PriorityQueue<Injected> pending =
        new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));

    Session(SessionSpec spec) {
      this.spec = spec;
      pending.addAll(injected);
    }

    @Override
    public SessionInfo info() {
      return new SessionInfo(ProbeMode.UNPRIVILEGED, "scripted", "", spec.destination(), false);
    }

    @Override
    public int windowLimit() {
      return windowLimit;
    }

    @Override
    public long now() {
      return clock;
    }

    @Override
    public SentProbe send(OutgoingProbe probe) throws NetworkException {
      if (sendFailsAt.test(clock)) {
        throw new NetworkException(NetworkException.Reason.UNREACHABLE, "network is unreachable");
      }
      sent.add(new SentRecord(probe, clock));
      outstanding++;
      maxOutstandingSeen = Math.max(maxOutstandingSeen, outstanding);
      WireKey key = new WireKey(0, probe.dstPort(), probe.sequence());
      HopBehaviour hop = probe.ttl() <= hops.size() ? hops.get(probe.ttl() - 1) : beyond;
      hop.apply(probe).ifPresent(r -> pending.add(new Injected(clock + r.afterNanos(),
          reply(key, r.from(), r.kind(), r.type(), r.code(), clock + r.afterNanos()))));
      return new SentProbe(key, clock);
    }

    @Override
    public void receive(long deadline, ReplySink sink) {
      if (stallFrom >= 0 && deadline >= stallFrom) {
        clock = Math.max(clock, stallFrom + stallFor);
        stallFrom = -1;
        return;
      }
      Injected next = pending.peek();
      if (next == null || next.at() > deadline) {
        clock = Math.max(clock, deadline);
        return;
      }
      clock = Math.max(clock, next.at());
      for (int n = 0; n < repliesPerReceive && !pending.isEmpty() && pending.peek().at() <= clock;
          n++) {
        sink.accept(pending.poll().reply());
      }
    }

    @Override
    public void release(SentProbe probe) {
      outstanding--;
    }

    @Override
    public void close() {}

    private Reply reply(WireKey key, InetAddress from, ReplyKind kind, int type, int code, long at) {
      return new Reply(key, Optional.of(spec.destination()), from, kind, type, code, 0, 64, at,
          Optional.empty(), IcmpExtensions.NONE);
    }
  }

  /** A reply as the network would deliver it, for injection. */
  public static Reply reply(WireKey key, InetAddress quotedDestination, InetAddress from,
      ReplyKind kind, long at) {
    return new Reply(key, Optional.of(quotedDestination), from, kind, 11, 0, 0, 64, at,
        Optional.empty(), IcmpExtensions.NONE);
  }
}
