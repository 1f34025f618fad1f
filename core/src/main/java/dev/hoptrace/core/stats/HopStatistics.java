package dev.hoptrace.core.stats;

import dev.hoptrace.core.anatomy.HopEvidence;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Running statistics of one hop of a continuous trace, in fixed memory however long it runs:
 * counters and running aggregates, plus a window of the newest {@link #WINDOW} samples for charts.
 * Used by one thread (the engine's); {@link #snapshot()} hands out an immutable copy.
 */
public final class HopStatistics {
  /** Samples kept for sparklines and charts. */
  public static final int WINDOW = 100;
  /** Distinct responders kept per hop; replies from further ones count only in the totals. */
  public static final int MAX_RESPONDERS = 16;

  private final int ttl;
  private final RttStatistics rtt = new RttStatistics();
  private final JitterStatistics jitter = new JitterStatistics();
  private final SampleWindow samples = new SampleWindow(WINDOW);
  private final ResponderTally responders = new ResponderTally(MAX_RESPONDERS);
  private long sent;
  private long received;
  private long forwardLoss;
  private long backwardLoss;
  private String annotation = "";
  private boolean destination;
  private HopEvidence evidence;
  /** The last snapshot while nothing changed: most hops are unchanged between two publications. */
  private HopSnapshot unchanged;

  /**
   * @param ttl the hop's TTL, 1..255
   */
  public HopStatistics(int ttl) {
    if (ttl < 1 || ttl > 255) {
      throw new IllegalArgumentException("TTL must be 1..255, got " + ttl);
    }
    this.ttl = ttl;
    this.evidence = HopEvidence.none(ttl);
  }

  public int ttl() {
    return ttl;
  }

  /**
   * A probe of this hop was answered.
   *
   * @param responder the address that answered
   * @param rttMillis the round-trip time, finite and not negative
   * @param annotation the reply's traceroute annotation ({@code !H}, ...) or ""; an empty one
   *     leaves an earlier annotation in place
   * @param destination whether the destination itself answered; once true, it stays true
   * @param extensions the reply's ICMP extensions ({@link IcmpExtensions#NONE} if none)
   * @throws IllegalArgumentException for a NaN, infinite or negative RTT
   */
  public void answered(InetAddress responder, double rttMillis, String annotation,
      boolean destination, IcmpExtensions extensions) {
    Objects.requireNonNull(responder, "responder");
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(extensions, "extensions");
    if (!(rttMillis >= 0) || Double.isInfinite(rttMillis)) {
      throw new IllegalArgumentException("RTT must be finite and not negative, got " + rttMillis);
    }
    unchanged = null;
    sent++;
    received++;
    rtt.add(rttMillis);
    jitter.add(rttMillis);
    samples.add(rttMillis);
    responders.add(responder, extensions);
    if (!annotation.isEmpty()) {
      this.annotation = annotation;
    }
    this.destination |= destination;
  }

  /**
   * What an answer showed of the way: its quote of the probe (raw mode) and the return hops
   * estimated from its TTL; the newest replace older ones.
   */
  public void showed(Optional<QuotedIpHeader> quote, int returnHops) {
    unchanged = null;
    evidence = evidence.with(quote, returnHops);
  }

  /** A probe of this hop got no reply in time, or could not be sent. */
  public void lost() {
    unchanged = null;
    sent++;
    samples.add(Double.NaN);
  }

  /** The round walk classified one of this hop's lost probes. */
  public void classified(LossKind kind) {
    unchanged = null;
    switch (Objects.requireNonNull(kind, "kind")) {
      case FORWARD -> forwardLoss++;
      case BACKWARD -> backwardLoss++;
      case NONE -> { }
    }
  }

  /** Forgets everything (the user pressed reset); the TTL stays. */
  public void reset() {
    unchanged = null;
    rtt.reset();
    jitter.reset();
    samples.reset();
    responders.reset();
    sent = 0;
    received = 0;
    forwardLoss = 0;
    backwardLoss = 0;
    annotation = "";
    destination = false;
    evidence = HopEvidence.none(ttl);
  }

  /** An immutable copy of the figures as they are now. */
  public HopSnapshot snapshot() {
    if (unchanged == null) {
      unchanged = new HopSnapshot(ttl, sent, received, rtt.summary(), jitter.summary(),
          forwardLoss, backwardLoss, responders.snapshot(), samples.snapshot(), annotation,
          destination, evidence);
    }
    return unchanged;
  }
}
