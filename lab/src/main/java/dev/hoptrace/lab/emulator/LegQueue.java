package dev.hoptrace.lab.emulator;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The packets in flight on one leg, oldest first, in memory allocated once: a ring of packet
 * bytes and a ring of entries (due time, offset, length). A leg never lets a packet overtake
 * another (see {@link LinkDirection}), so its departures are in entry order and a FIFO is all
 * the timer it needs; the forwarder compares only the heads of its legs. Nothing is allocated
 * per packet, so a busy link makes no garbage for collections to pause the forwarder over.
 *
 * <p>A full ring drops the packet, as a full interface queue would. Owned by the forwarding
 * thread alone.
 */
final class LegQueue {
  /** Bytes in flight per leg: 512 KB is 350 full-size packets, 20 ms of 200 Mbit/s. */
  static final int BYTES = 512 * 1024;
  /** Entries per leg: 4096 small packets, 2 s of a 2000 packets/s probe load. */
  static final int ENTRIES = 4096;

  private final MemorySegment bytes;
  private final long[] due = new long[ENTRIES];
  private final int[] offset = new int[ENTRIES];
  private final int[] length = new int[ENTRIES];
  private int head;
  private int count;
  private int tail;
  private int used;

  LegQueue(Arena arena) {
    this.bytes = arena.allocate(BYTES);
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** The oldest packet's due time (nanoTime); only when not {@link #isEmpty()}. */
  long headDue() {
    return due[head];
  }

  /**
   * Queues the first {@code len} bytes of {@code packet} to leave at {@code dueAt}.
   *
   * @return false when the ring is full and the packet is dropped
   */
  boolean offer(long dueAt, MemorySegment packet, int len) {
    if (count == ENTRIES || used + len > BYTES) {
      return false;
    }
    int slot = (head + count) % ENTRIES;
    due[slot] = dueAt;
    offset[slot] = tail;
    length[slot] = len;
    int first = Math.min(len, BYTES - tail);
    MemorySegment.copy(packet, 0, bytes, tail, first);
    MemorySegment.copy(packet, first, bytes, 0, len - first); // the part that wraps, if any
    tail = (tail + len) % BYTES;
    used += len;
    count++;
    return true;
  }

  /** Removes the oldest packet into {@code out} and returns its length. */
  int take(MemorySegment out) {
    int len = length[head];
    int at = offset[head];
    int first = Math.min(len, BYTES - at);
    MemorySegment.copy(bytes, at, out, 0, first);
    MemorySegment.copy(bytes, 0, out, first, len - first);
    used -= len;
    head = (head + 1) % ENTRIES;
    count--;
    return len;
  }

  int size() {
    return count;
  }
}
