package dev.hoptrace.core.engine;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.net.Reply;
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

  /**
   * A Packet Too Big reply for {@code slot}: the size to send it again with, or 0 when it cannot
   * usefully be smaller (the reply is then the probe's outcome, {@code !F-<mtu>}).
   */
  int shrink(ProbeSlot slot, Reply reply) {
    if (slot.shrinks >= MAX_SHRINKS) {
      return 0;
    }
    int reported = reply.mtu();
    int target = reported > 0 ? Math.max(minimum, reported)
        : ipv6 ? minimum : plateauBelow(slot.size);
    int next = Math.min(current, target);
    if (next >= slot.size) {
      return 0;
    }
    if (next < current) {
      current = next;
    }
    reporters.putIfAbsent(next, reply.responder());
    slot.shrinks++;
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
      int size = slot.sent == null ? 0 : slot.size;
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
