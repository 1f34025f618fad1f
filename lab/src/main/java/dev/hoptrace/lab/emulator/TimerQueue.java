package dev.hoptrace.lab.emulator;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Packets in flight on any leg, earliest departure first; packets due at the same nanosecond
 * leave in the order they entered. Owned by the forwarding thread alone.
 */
final class TimerQueue {
  /** A packet on {@code leg}, leaving it at {@code due} (nanoTime). */
  record Transit(long due, long order, Leg leg, byte[] packet) {}

  private static final Comparator<Transit> EARLIEST_FIRST =
      (x, y) -> x.due() != y.due() ? Long.compare(x.due() - y.due(), 0)
          : Long.compare(x.order(), y.order());

  private final PriorityQueue<Transit> queue = new PriorityQueue<>(EARLIEST_FIRST);
  private long entered;

  void add(long due, Leg leg, byte[] packet) {
    queue.add(new Transit(due, entered++, leg, packet));
  }

  /** The next transit due at or before {@code now}, removed; null when none is. */
  Transit pollDue(long now) {
    Transit head = queue.peek();
    if (head == null || head.due() - now > 0) {
      return null;
    }
    return queue.poll();
  }

  /** Nanoseconds from {@code now} until the next departure (0 if overdue), or -1 when empty. */
  long nanosUntilNext(long now) {
    Transit head = queue.peek();
    return head == null ? -1 : Math.max(0, head.due() - now);
  }

  int size() {
    return queue.size();
  }
}
