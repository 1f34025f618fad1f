package dev.hoptrace.lab.emulator;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.hoptrace.lab.emulator.Leg.Side;
import dev.hoptrace.lab.emulator.TimerQueue.Transit;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.PollFd;
import dev.hoptrace.linux.ffm.Timespec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.Map;

/**
 * The loop of one emulated path, on one platform thread (it sits in a native {@code ppoll}, which
 * would pin a virtual thread's carrier): wait until a TUN device has a packet or the earliest
 * packet in flight is due, read what arrived, send what is due, repeat. Every packet walks {@code
 * leg toward the hop → hop → leg from the hop}; a leg with a perfect profile is crossed at once.
 */
final class Forwarder implements Runnable {
  /** How long an idle loop waits before it looks at {@link #stop()} again. */
  private static final long IDLE_NANOS = 20_000_000;
  /** Packets read from one device per wake-up, so a flood on one side cannot starve the other. */
  private static final int DRAIN_LIMIT = 64;
  private static final int PACKET_BUFFER = 65_536;

  private final Map<Side, TunDevice> devices;
  private final Map<Leg, LinkDirection> legs;
  private final Hop hop;
  private final Counters counters;
  private final Lateness lateness;
  private final TimerQueue inFlight = new TimerQueue();
  private volatile boolean running = true;
  private volatile Throwable failure;

  Forwarder(Map<Side, TunDevice> devices, Map<Leg, LinkDirection> legs, Hop hop,
      Counters counters, Lateness lateness) {
    this.devices = new EnumMap<>(devices);
    this.legs = new EnumMap<>(legs);
    this.hop = hop;
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
      MemorySegment fds = arena.allocate(PollFd.LAYOUT, 2);
      MemorySegment timeout = arena.allocate(Timespec.LAYOUT);
      MemorySegment in = arena.allocate(PACKET_BUFFER);
      MemorySegment out = arena.allocate(PACKET_BUFFER);
      while (running) {
        long now = System.nanoTime();
        for (Transit t; (t = inFlight.pollDue(now)) != null; ) {
          lateness.record(now - t.due());
          arrive(t.leg(), t.packet(), now, out);
        }
        long wait = inFlight.nanosUntilNext(now);
        Timespec.set(timeout, wait < 0 ? IDLE_NANOS : Math.min(wait, IDLE_NANOS));
        PollFd.set(fds, 0, devices.get(Side.A).fd(), LinuxConstants.POLLIN);
        PollFd.set(fds, 1, devices.get(Side.B).fd(), LinuxConstants.POLLIN);
        if (LibcFiles.ppoll(fds, 2, timeout) > 0) {
          drain(Side.A, PollFd.revents(fds, 0), in, out);
          drain(Side.B, PollFd.revents(fds, 1), in, out);
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void drain(Side side, short revents, MemorySegment in, MemorySegment out)
      throws ErrnoException {
    if ((revents & (LinuxConstants.POLLERR | LinuxConstants.POLLNVAL)) != 0) {
      throw new IllegalStateException("TUN device " + devices.get(side).name()
          + " failed (poll revents 0x" + Integer.toHexString(revents) + ")");
    }
    if ((revents & LinuxConstants.POLLIN) == 0) {
      return;
    }
    TunDevice device = devices.get(side);
    for (int i = 0; i < DRAIN_LIMIT; i++) {
      int length = device.read(in);
      if (length < 0) {
        return;
      }
      counters.add(Count.RECEIVED);
      // The arrival time is taken per packet: the delay is counted from the read.
      enter(Leg.toHop(side), in.asSlice(0, length).toArray(JAVA_BYTE), System.nanoTime(), out);
    }
  }

  /** A packet starts {@code leg}: dropped if too long or lost, else queued or crossed at once. */
  private void enter(Leg leg, byte[] packet, long now, MemorySegment out) throws ErrnoException {
    LinkDirection direction = legs.get(leg);
    if (!direction.fits(packet.length)) {
      counters.add(Count.TOO_BIG_DROPPED);
      return;
    }
    if (direction.loses()) {
      counters.add(Count.LOST);
      return;
    }
    if (direction.profile().isPerfect()) {
      arrive(leg, packet, now, out);
    } else {
      inFlight.add(direction.departure(now), leg, packet);
    }
  }

  /** A packet reaches the end of {@code leg}: the hop decides, or it is delivered. */
  private void arrive(Leg leg, byte[] packet, long now, MemorySegment out) throws ErrnoException {
    if (!leg.towardHop()) {
      deliver(leg.side(), packet, out);
      return;
    }
    Side from = leg.side();
    Hop.Outcome outcome = hop.pass(packet, from, legs.get(Leg.fromHop(from.other())).profile()
        .mtu());
    if (outcome.reason() != null) {
      counters.add(outcome.reason());
    }
    switch (outcome.verdict()) {
      case FORWARD -> enter(Leg.fromHop(from.other()), outcome.packet(), now, out);
      case ANSWER -> enter(Leg.fromHop(from), outcome.packet(), now, out);
      case DROP -> { }
    }
  }

  private void deliver(Side side, byte[] packet, MemorySegment out) throws ErrnoException {
    MemorySegment.copy(packet, 0, out, JAVA_BYTE, 0, packet.length);
    if (devices.get(side).write(out, packet.length)) {
      counters.add(Count.DELIVERED);
    } else {
      counters.add(Count.WRITE_REFUSED);
    }
  }
}
