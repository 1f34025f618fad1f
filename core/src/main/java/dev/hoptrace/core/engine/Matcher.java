package dev.hoptrace.core.engine;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.WireKey;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ties each reply to exactly one probe of this trace, or drops and counts it. Nothing is guessed: a
 * reply must quote the key of a probe that is in flight, and where the quote shows the destination
 * it must be ours.
 */
final class Matcher {
  private final InetAddress destination;
  private final Map<WireKey, ProbeSlot> inFlight = new HashMap<>();
  private final Set<WireKey> givenUp = new HashSet<>();
  private final Set<WireKey> answered = new HashSet<>();
  /** Probes past a final hop: their replies are expected and mean nothing, so they are not drops. */
  private final Set<WireKey> cancelled = new HashSet<>();
  private long unmatched;
  private long late;
  private long duplicate;
  private long malformed;

  Matcher(InetAddress destination) {
    this.destination = destination;
  }

  void sent(ProbeSlot slot) {
    inFlight.put(slot.sent.key(), slot);
  }

  /** The probe was given up on (timed out or no longer needed); a reply to it now is late. */
  void gaveUp(ProbeSlot slot) {
    if (inFlight.remove(slot.sent.key()) != null) {
      givenUp.add(slot.sent.key());
    }
  }

  /** The probe went past the hop where the trace ends; a reply to it is ignored, not counted. */
  void cancelled(ProbeSlot slot) {
    if (inFlight.remove(slot.sent.key()) != null) {
      cancelled.add(slot.sent.key());
    }
  }

  /** Returns the probe this reply answers, or null after counting why it was dropped. */
  ProbeSlot match(Reply reply) {
    if (reply.quotedDestination().isPresent() && !reply.quotedDestination().get().equals(destination)) {
      unmatched++;
      return null;
    }
    if (ReplyMeaning.fromDestination(reply.kind()) && !reply.responder().equals(destination)) {
      unmatched++; // only the destination answers an echo or a SYN; anyone else is not our reply
      return null;
    }
    ProbeSlot slot = inFlight.remove(reply.key());
    if (slot != null) {
      answered.add(reply.key());
      return slot;
    }
    if (cancelled.contains(reply.key())) {
      return null;
    }
    if (answered.contains(reply.key())) {
      duplicate++;
    } else if (givenUp.contains(reply.key())) {
      late++;
    } else {
      unmatched++;
    }
    return null;
  }

  void malformed() {
    malformed++;
  }

  /** The session saw a well-formed packet that answers none of its probes. */
  void foreign() {
    unmatched++;
  }

  int inFlightCount() {
    return inFlight.size();
  }

  DropCounts counts() {
    return new DropCounts(unmatched, late, duplicate, malformed);
  }
}
