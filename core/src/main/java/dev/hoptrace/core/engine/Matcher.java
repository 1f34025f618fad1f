package dev.hoptrace.core.engine;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.WireKey;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ties each reply to exactly one probe of this trace, or drops and counts it. Nothing is guessed: a
 * reply must quote the key of a probe that is in flight, and where the quote shows the destination
 * it must be ours.
 *
 * <p>Finished probes are remembered so that a second or late reply is counted as such rather than
 * as foreign; only the newest {@link #REMEMBERED} of them, so a continuous trace that runs for days
 * stays in fixed memory. A one-shot trace has fewer probes than that and forgets nothing.
 */
final class Matcher {
  static final int REMEMBERED = 4096;

  private enum Fate {
    GIVEN_UP,
    ANSWERED,
    /** Past a final hop: a reply to it is expected and means nothing, so it is not a drop. */
    CANCELLED
  }

  private final InetAddress destination;
  private final Map<WireKey, ProbeSlot> inFlight = new HashMap<>();
  private final Map<WireKey, Fate> finished = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<WireKey, Fate> eldest) {
      return size() > REMEMBERED;
    }
  };
  private long unmatched;
  private long late;
  private long duplicate;
  private long malformed;

  Matcher(InetAddress destination) {
    this.destination = destination;
  }

  /** A probe went out; a key reused after its sequence wrapped round starts afresh. */
  void sent(ProbeSlot slot) {
    finished.remove(slot.sent.key());
    inFlight.put(slot.sent.key(), slot);
  }

  /** The probe was given up on (timed out or no longer needed); a reply to it now is late. */
  void gaveUp(ProbeSlot slot) {
    if (inFlight.remove(slot.sent.key()) != null) {
      finished.put(slot.sent.key(), Fate.GIVEN_UP);
    }
  }

  /** The probe went past the hop where the trace ends; a reply to it is ignored, not counted. */
  void cancelled(ProbeSlot slot) {
    if (inFlight.remove(slot.sent.key()) != null) {
      finished.put(slot.sent.key(), Fate.CANCELLED);
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
      finished.put(reply.key(), Fate.ANSWERED);
      return slot;
    }
    Fate fate = finished.get(reply.key());
    if (fate == null) {
      unmatched++;
    } else if (fate == Fate.ANSWERED) {
      duplicate++;
    } else if (fate == Fate.GIVEN_UP) {
      late++;
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

  /** Starts the drop counts afresh (the user reset the statistics). */
  void resetCounts() {
    unmatched = late = duplicate = malformed = 0;
  }

  DropCounts counts() {
    return new DropCounts(unmatched, late, duplicate, malformed);
  }
}
