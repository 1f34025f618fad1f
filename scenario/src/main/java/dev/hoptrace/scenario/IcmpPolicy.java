package dev.hoptrace.scenario;

/**
 * Whether a node sends ICMP errors, and how fast: a token bucket of {@code burst} tokens refilled
 * at {@code perSecond}, as nftables' {@code limit rate N/second burst B packets} and the kernel's
 * own ICMP rate limit behave.
 *
 * @param kind answer, stay silent, or answer within a rate limit
 * @param perSecond refill rate (rate-limited only)
 * @param burst bucket size (rate-limited only)
 */
public record IcmpPolicy(Kind kind, double perSecond, int burst) {

  public enum Kind { ANSWER, SILENT, RATE_LIMITED }

  public static final IcmpPolicy ANSWER = new IcmpPolicy(Kind.ANSWER, 0, 0);
  public static final IcmpPolicy SILENT = new IcmpPolicy(Kind.SILENT, 0, 0);

  public IcmpPolicy {
    if (kind == Kind.RATE_LIMITED && (!(perSecond > 0 && perSecond <= 100_000) || burst < 1 || burst > 10_000)) {
      throw new IllegalArgumentException("ICMP rate limit needs a rate of 0..100000/s and a burst of 1..10000");
    }
  }

  public static IcmpPolicy rateLimited(double perSecond, int burst) {
    return new IcmpPolicy(Kind.RATE_LIMITED, perSecond, burst);
  }
}
