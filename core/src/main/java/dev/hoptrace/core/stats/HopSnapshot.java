package dev.hoptrace.core.stats;

import dev.hoptrace.core.anatomy.HopEvidence;
import java.util.List;
import java.util.Objects;

/**
 * One hop of a continuous trace at one moment: immutable, safe to hand to any thread.
 *
 * @param ttl the TTL
 * @param sent probes with an outcome (answered, lost, or failed to send); probes still waiting for
 *     their reply are not counted yet, so Loss% never shows a probe that is merely in flight
 * @param received probes answered
 * @param rtt RTT figures
 * @param jitter jitter figures
 * @param forwardLoss lost probes after which every later hop of the same round was lost too
 * @param backwardLoss lost probes in a round that already had forward loss at an earlier hop
 * @param responders every address that answered, most replies first
 * @param samples the newest RTTs in milliseconds, oldest first, NaN for a lost probe; at most
 *     {@link HopStatistics#WINDOW} of them
 * @param annotation the newest reply's traceroute annotation ({@code !H}, {@code !X}, ...) or ""
 * @param destination whether the destination itself answered at this hop
 * @param evidence the newest quote and return-path estimate, for path anatomy
 */
public record HopSnapshot(
    int ttl,
    long sent,
    long received,
    RttSummary rtt,
    JitterSummary jitter,
    long forwardLoss,
    long backwardLoss,
    List<ResponderShare> responders,
    List<Double> samples,
    String annotation,
    boolean destination,
    HopEvidence evidence) {

  public HopSnapshot {
    responders = List.copyOf(responders);
    samples = List.copyOf(samples);
    Objects.requireNonNull(evidence, "evidence");
  }

  /** A hop whose replies showed no quote and no return estimate. */
  public HopSnapshot(int ttl, long sent, long received, RttSummary rtt, JitterSummary jitter,
      long forwardLoss, long backwardLoss, List<ResponderShare> responders, List<Double> samples,
      String annotation, boolean destination) {
    this(ttl, sent, received, rtt, jitter, forwardLoss, backwardLoss, responders, samples,
        annotation, destination, HopEvidence.none(ttl));
  }

  /** Lost probes as a percentage of probes with an outcome; 0 before any. */
  public double lossPercent() {
    return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
  }

  public long lost() {
    return sent - received;
  }

  /** True when probes went out and none came back. */
  public boolean silent() {
    return sent > 0 && received == 0;
  }
}
