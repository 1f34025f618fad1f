package dev.hoptrace.core.engine;

import dev.hoptrace.core.net.ProbeSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The probes of a trace that are on the wire, each with its deadline. Every way out (answered,
 * given up, cancelled) tells the matcher and releases what the session holds for the probe, so an
 * engine cannot forget either.
 */
final class InFlight {
  private final List<ProbeSlot> slots = new ArrayList<>();
  private final Matcher matcher;
  private final ProbeSession session;

  InFlight(Matcher matcher, ProbeSession session) {
    this.matcher = matcher;
    this.session = session;
  }

  void add(ProbeSlot slot) {
    slot.state = ProbeSlot.State.IN_FLIGHT;
    slots.add(slot);
    matcher.sent(slot);
  }

  int size() {
    return slots.size();
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /** The matcher tied a reply to {@code slot}. */
  void answered(ProbeSlot slot) {
    slots.remove(slot);
    session.release(slot.sent);
  }

  /** Gives up on every probe whose deadline has passed; a reply to one now counts as late. */
  void expire(long now, Consumer<ProbeSlot> timedOut) {
    slots.removeIf(slot -> {
      if (slot.deadline > now) {
        return false;
      }
      matcher.gaveUp(slot);
      session.release(slot.sent);
      timedOut.accept(slot);
      return true;
    });
  }

  /** Withdraws the probes {@code which} selects; replies to them are ignored, not counted. */
  void cancel(Predicate<ProbeSlot> which, Consumer<ProbeSlot> cancelled) {
    slots.removeIf(slot -> {
      if (!which.test(slot)) {
        return false;
      }
      matcher.cancelled(slot);
      session.release(slot.sent);
      slot.state = ProbeSlot.State.CANCELLED;
      cancelled.accept(slot);
      return true;
    });
  }

  /** Recomputes every deadline, as what the path showed may shorten or lengthen the waits. */
  void reschedule(ToLongFunction<ProbeSlot> deadline) {
    for (ProbeSlot slot : slots) {
      slot.deadline = deadline.applyAsLong(slot);
    }
  }

  long earliestDeadline() {
    long earliest = Long.MAX_VALUE;
    for (ProbeSlot slot : slots) {
      earliest = Math.min(earliest, slot.deadline);
    }
    return earliest;
  }

  /** The trace ends: frees whatever is still out. */
  void releaseAll() {
    for (ProbeSlot slot : slots) {
      session.release(slot.sent);
    }
    slots.clear();
  }
}
