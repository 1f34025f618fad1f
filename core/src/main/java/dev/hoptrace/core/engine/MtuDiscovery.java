package dev.hoptrace.core.engine;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path MTU discovery as Linux traceroute's {@code --mtu} does it: every probe leaves at the
 * smallest MTU learnt so far; a Fragmentation Needed / Packet Too Big for a larger probe (from a
 * router, or from the local stack for a probe longer than the interface) lowers that MTU, and the
 * probe is sent again at the new size instead of being reported. The first probe in TTL order
 * that went out at a new size is where the MTU dropped ({@code F=NUM}): a router sends the error
 * for the link after it, so that is one hop past the router that reported it.
 *
 * <p>The engine sends through {@link #sizing}, which gives each probe its size and remembers it
 * by the probe's sequence (unique in a one-shot trace).
 *
 * <p>Probes of many TTLs are in flight at once, so several may be refused for the same link;
 * each is sent again at the size in force by then. Every resend is strictly smaller than the try
 * before, and a probe is resent at most {@link #MAX_SHRINKS} times, so a lying router cannot make
 * it loop.
 */
final class MtuDiscovery {
  static final int MAX_SHRINKS = 16;
  /** RFC 791: every IPv4 module forwards 68-byte datagrams unfragmented. */
  static final int IPV4_MINIMUM = 68;
  /** RFC 8200 §5; RFC 8201 §4: never lower the estimate below it, whatever a PTB says. */
  static final int IPV6_MINIMUM = 1280;
  /** RFC 1191 §7 plateaus, for routers from before RFC 1191 that report MTU 0. */
  private static final int[] PLATEAUS = {32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68};

  private final int startSize;
  private final int minimum;
  private final boolean ipv6;
  private int current;
  /** Each probe's newest size and how often it was made smaller, by its sequence. */
  private final Map<Integer, Integer> sentSize = new HashMap<>();
  private final Map<Integer, Integer> shrinks = new HashMap<>();
  /** Who reported each size the MTU was lowered to. */
  private final Map<Integer, InetAddress> reporters = new HashMap<>();
  /** The MTU shown so far in TTL order, for the F=NUM marks. */
  private int shown;
  private final List<ProbeSize> sizes = new ArrayList<>();

  MtuDiscovery(int startSize, boolean ipv6) {
    this.startSize = startSize;
    this.ipv6 = ipv6;
    this.minimum = ipv6 ? IPV6_MINIMUM : IPV4_MINIMUM;
    this.current = startSize;
    this.shown = startSize;
  }

  /** The size the next probe goes out with. */
  int size() {
    return current;
  }

  /** The probe with this sequence goes out now, at the size reached: returns that size. */
  int sent(int sequence) {
    sentSize.put(sequence, current);
    return current;
  }

  /** {@code session}, sending every probe at the size reached ({@link #sent}). */
  ProbeSession sizing(ProbeSession session) {
    return new ProbeSession() {
      @Override
      public SessionInfo info() {
        return session.info();
      }

      @Override
      public long now() {
        return session.now();
      }

      @Override
      public SentProbe send(OutgoingProbe probe) throws NetworkException {
        return session.send(probe.withSize(sent(probe.sequence())));
      }

      @Override
      public void receive(long deadline, ReplySink sink) throws NetworkException {
        session.receive(deadline, sink);
      }

      @Override
      public void release(SentProbe probe) {
        session.release(probe);
      }

      @Override
      public void close() {
        session.close();
      }
    };
  }

  /**
   * A Packet Too Big reply for {@code slot}: the size to send it again with, or 0 when it cannot
   * usefully be smaller (the reply is then the probe's outcome, {@code !F-<mtu>}).
   */
  int shrink(ProbeSlot slot, Reply reply) {
    int size = sentSize.getOrDefault(slot.sequence, 0);
    int shrunk = shrinks.getOrDefault(slot.sequence, 0);
    if (size == 0 || shrunk >= MAX_SHRINKS) {
      return 0;
    }
    int reported = reply.mtu();
    int target = reported > 0 ? Math.max(minimum, reported)
        : ipv6 ? minimum : plateauBelow(size);
    int next = Math.min(current, target);
    if (next >= size) {
      return 0;
    }
    current = next;
    reporters.putIfAbsent(next, reply.responder());
    shrinks.put(slot.sequence, shrunk + 1);
    return next;
  }

  private static int plateauBelow(int size) {
    for (int plateau : PLATEAUS) {
      if (plateau < size) {
        return plateau;
      }
    }
    return IPV4_MINIMUM;
  }

  /** The sizes of one hop's probes; hops must come in TTL order. */
  List<ProbeSize> hop(ProbeSlot[] slots) {
    List<ProbeSize> hop = new ArrayList<>();
    for (ProbeSlot slot : slots) {
      int size = slot.sent == null ? 0 : sentSize.getOrDefault(slot.sequence, 0);
      int learned = 0;
      if (size > 0 && size < shown) {
        learned = size;
        shown = size;
      }
      hop.add(new ProbeSize(slot.ttl, slot.index, size, learned,
          learned > 0 ? Optional.ofNullable(reporters.get(learned)) : Optional.empty()));
    }
    sizes.addAll(hop);
    return hop;
  }

  PathMtu result() {
    return new PathMtu(startSize, current, sizes);
  }
}
