package dev.hoptrace.core.bulk;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a bulk run probes each destination and how fast, validated on construction with messages
 * that name the option.
 *
 * @param spec what the transport needs
 * @param firstTtl first TTL, 1..maxTtl
 * @param maxTtl last TTL, 1..255
 * @param probesPerHop probes per TTL, 1..10
 * @param gapLimit a destination stops after this many silent TTLs past its last answering one
 * @param rate the ceiling on probes per second
 * @param replyWait how long a probe is waited for
 * @param maxActive destinations probed at once (each holds a table of its hops until it is done)
 * @param seed orders destinations and probes
 */
public record BulkSettings(
    BulkSpec spec,
    int firstTtl,
    int maxTtl,
    int probesPerHop,
    int gapLimit,
    double rate,
    Duration replyWait,
    int maxActive,
    long seed) {

  /** At most this many destinations are in progress at once, whatever the rate. */
  public static final int MAX_ACTIVE = 1 << 16;

  public BulkSettings {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(replyWait, "replyWait");
    check(maxTtl >= 1 && maxTtl <= 255, "max TTL (-m) must be 1..255, got " + maxTtl);
    check(firstTtl >= 1 && firstTtl <= maxTtl,
        "first TTL (-f) must be 1.." + maxTtl + " (the max TTL), got " + firstTtl);
    check(probesPerHop >= 1 && probesPerHop <= 10,
        "probes per hop (-q) must be 1..10, got " + probesPerHop);
    check(gapLimit >= 1 && gapLimit <= 255, "gap limit (--gap-limit) must be 1..255, got " + gapLimit);
    check(rate >= 1 && rate <= 10_000_000, "rate (--rate) must be 1..10000000 probes per second");
    check(!replyWait.isNegative() && !replyWait.isZero() && replyWait.compareTo(Duration.ofSeconds(60)) <= 0,
        "wait (-w) must be more than 0 and at most 60 seconds");
    check(maxActive >= 1 && maxActive <= MAX_ACTIVE,
        "destinations at once must be 1.." + MAX_ACTIVE + ", got " + maxActive);
  }

  /**
   * Destinations in progress at once by default: enough that a second of probing at the rate
   * spreads over many of them, at least 64, at most {@link #MAX_ACTIVE}.
   */
  public static int defaultActive(double rate, int targets) {
    return (int) Math.max(1, Math.min(targets, Math.min(MAX_ACTIVE, Math.max(64, rate))));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** TTLs each destination may be probed at. */
  public int hops() {
    return maxTtl - firstTtl + 1;
  }

  /**
   * The request a one-shot trace of destination {@code target} would have had: what the results
   * carry, so that they print exactly as {@code hoptrace -o json} prints a trace.
   */
  public TraceRequest request(int target) {
    TargetTable targets = spec.targets();
    return TraceRequest.to(targets.address(target))
        .hostName(targets.hostName(target))
        .protocol(spec.protocol())
        .mode(spec.mode())
        .port(spec.protocol() == dev.hoptrace.core.net.Protocol.ICMP ? 1 : spec.port())
        .firstTtl(firstTtl)
        .maxTtl(maxTtl)
        .probesPerHop(probesPerHop)
        .gapLimit(gapLimit)
        .replyWait(new WaitPolicy(replyWait, 0, 0, Duration.ZERO))
        .tos(spec.tos())
        .packetLength(spec.packetLength())
        .paris(spec.paris())
        .build();
  }
}
