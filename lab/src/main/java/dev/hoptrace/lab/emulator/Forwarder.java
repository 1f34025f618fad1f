package dev.hoptrace.lab.emulator;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.hoptrace.lab.emulator.Leg.Side;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.PollFd;
import dev.hoptrace.linux.ffm.Timespec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The loop of one emulated path, on one platform thread (it sits in a native {@code ppoll}, which
 * would pin a virtual thread's carrier): wait until a TUN device has a packet or the earliest
 * packet in flight is due, read what arrived, send what is due, repeat. A packet walks its legs
 * ({@link Leg}) from one end to the other, and every router hop on the way decides whether it
 * goes on, is answered, or is dropped; a leg with a perfect profile is crossed at once.
 *
 * <p>On a plain link nothing is allocated per packet: packets wait in each leg's preallocated
 * {@link LegQueue}. A router hop works on a copy of the packet as a {@code byte[]}.
 */
final class Forwarder implements Runnable {
  /** How long an idle loop waits before it looks at {@link #stop()} again. */
  private static final long IDLE_NANOS = 20_000_000;
  /** Packets read from one device per wake-up, so a flood on one side cannot starve the other. */
  private static final int DRAIN_LIMIT = 64;
  private static final int PACKET_BUFFER = 65_536;

  private final Map<Side, TunDevice> devices;
  /** By {@link Leg#index()}. */
  private final LinkDirection[] directions;
  private final Leg[] legs;
  /** Router hop at position p is {@code hops.get(p - 1)}. */
  private final List<Hop> hops;
  private final Counters counters;
  private final Lateness lateness;
  private final LegQueue[] queues;
  private MemorySegment hopOut;
  private volatile boolean running = true;
  private volatile Throwable failure;

  Forwarder(Map<Side, TunDevice> devices, List<LinkDirection> directions, List<Hop> hops,
      Counters counters, Lateness lateness) {
    if (directions.size() != Leg.count(hops.size())) {
      throw new IllegalArgumentException(directions.size() + " legs for " + hops.size()
          + " hops");
    }
    this.devices = new EnumMap<>(devices);
    this.directions = directions.toArray(LinkDirection[]::new);
    this.hops = List.copyOf(hops);
    this.legs = new Leg[directions.size()];
    for (int segment = 0; segment <= hops.size(); segment++) {
      for (boolean towardB : new boolean[] {true, false}) {
        Leg leg = new Leg(segment, towardB);
        legs[leg.index()] = leg;
      }
    }
    this.queues = new LegQueue[legs.length];
    this.counters = counters;
    this.lateness = lateness;
  }

  void stop() {
    running = false;
  }

  /** Why the loop ended early, or null. */
  Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try (Arena arena = Arena.ofConfined()) {
      for (int i = 0; i < legs.length; i++) {
        if (!directions[i].profile().isPerfect()) {
          queues[i] = new LegQueue(arena); // perfect legs never hold a packet
        }
      }
      MemorySegment fds = arena.allocate(PollFd.LAYOUT, 2);
      MemorySegment timeout = arena.allocate(Timespec.LAYOUT);
      MemorySegment in = arena.allocate(PACKET_BUFFER);
      MemorySegment due = arena.allocate(PACKET_BUFFER);
      hopOut = arena.allocate(PACKET_BUFFER);
      while (running) {
        long now = System.nanoTime();
        for (int leg; (leg = nextDue(now)) >= 0; ) {
          lateness.record(now - queues[leg].headDue());
          int length = queues[leg].take(due);
          arrive(legs[leg], due, length, now);
        }
        long wait = nanosUntilNext(now);
        Timespec.set(timeout, wait < 0 ? IDLE_NANOS : Math.min(wait, IDLE_NANOS));
        PollFd.set(fds, 0, devices.get(Side.A).fd(), LinuxConstants.POLLIN);
        PollFd.set(fds, 1, devices.get(Side.B).fd(), LinuxConstants.POLLIN);
        if (LibcFiles.ppoll(fds, 2, timeout) > 0) {
          drain(Side.A, PollFd.revents(fds, 0), in);
          drain(Side.B, PollFd.revents(fds, 1), in);
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** The leg whose oldest packet is due earliest, at or before {@code now}; -1 when none is. */
  private int nextDue(long now) {
    int best = -1;
    for (int i = 0; i < queues.length; i++) {
      LegQueue q = queues[i];
      if (q != null && !q.isEmpty() && q.headDue() - now <= 0
          && (best < 0 || q.headDue() - queues[best].headDue() < 0)) {
        best = i;
      }
    }
    return best;
  }

  /** Nanoseconds from {@code now} until the next departure (0 if overdue), or -1 when none. */
  private long nanosUntilNext(long now) {
    long wait = -1;
    for (LegQueue q : queues) {
      if (q != null && !q.isEmpty()) {
        long w = Math.max(0, q.headDue() - now);
        wait = wait < 0 ? w : Math.min(wait, w);
      }
    }
    return wait;
  }

  private void drain(Side side, short revents, MemorySegment in) throws ErrnoException {
    if ((revents & (LinuxConstants.POLLERR | LinuxConstants.POLLNVAL)) != 0) {
      throw new IllegalStateException("TUN device " + devices.get(side).name()
          + " failed (poll revents 0x" + Integer.toHexString(revents) + ")");
    }
    if ((revents & LinuxConstants.POLLIN) == 0) {
      return;
    }
    TunDevice device = devices.get(side);
    Leg entry = legs[Leg.from(side, hops.size()).index()];
    for (int i = 0; i < DRAIN_LIMIT; i++) {
      int length = device.read(in);
      if (length < 0) {
        return;
      }
      counters.add(Count.RECEIVED);
      // The arrival time is taken per packet: the delay is counted from the read.
      enter(entry, in, length, System.nanoTime());
    }
  }

  /** A packet starts {@code leg}: dropped if too long or lost, else queued or crossed at once. */
  private void enter(Leg leg, MemorySegment packet, int length, long now)
      throws ErrnoException {
    LinkDirection direction = directions[leg.index()];
    if (!direction.fits(length)) {
      counters.add(Count.TOO_BIG_DROPPED);
      return;
    }
    if (direction.loses()) {
      counters.add(Count.LOST);
      return;
    }
    LegQueue queue = queues[leg.index()];
    if (queue == null) {
      arrive(leg, packet, length, now);
    } else if (!queue.offer(direction.departure(now), packet, length)) {
      counters.add(Count.QUEUE_FULL);
    }
  }

  /** A packet reaches the end of {@code leg}: delivered at an end, or a router hop decides. */
  private void arrive(Leg leg, MemorySegment packet, int length, long now)
      throws ErrnoException {
    int at = leg.arrival();
    if (at == 0 || at == hops.size() + 1) {
      deliver(at == 0 ? Side.A : Side.B, packet, length);
      return;
    }
    Leg onward = legs[leg.onward().index()];
    byte[] bytes = packet.asSlice(0, length).toArray(JAVA_BYTE);
    Hop.Outcome outcome = hops.get(at - 1).pass(bytes, leg.from(),
        directions[onward.index()].profile().mtu());
    if (outcome.reason() != null) {
      counters.add(outcome.reason());
    }
    Leg back = legs[leg.back().index()];
    send(outcome.back(), back, now);
    send(outcome.ahead(), onward, now);
    Leg next = switch (outcome.verdict()) {
      case FORWARD -> onward;
      case ANSWER -> back;
      case DROP -> null;
    };
    if (next != null) {
      // Copied out before: a hop further on may reuse hopOut for its own result.
      byte[] result = outcome.packet();
      MemorySegment.copy(result, 0, hopOut, JAVA_BYTE, 0, result.length);
      enter(next, hopOut, result.length, now);
    }
  }

  /** Sends a hop's extra packets (a forger's lies) down {@code leg}, each counted. */
  private void send(List<byte[]> packets, Leg leg, long now) throws ErrnoException {
    for (byte[] p : packets) {
      counters.add(Count.FORGED);
      MemorySegment.copy(p, 0, hopOut, JAVA_BYTE, 0, p.length);
      enter(leg, hopOut, p.length, now);
    }
  }

  private void deliver(Side side, MemorySegment packet, int length) throws ErrnoException {
    if (devices.get(side).write(packet, length)) {
      counters.add(Count.DELIVERED);
    } else {
      counters.add(Count.WRITE_REFUSED);
    }
  }
}
