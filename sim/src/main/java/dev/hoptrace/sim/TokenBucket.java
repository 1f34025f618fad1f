package dev.hoptrace.sim;

/**
 * nftables' {@code limit rate N/second burst B packets}: a bucket of B tokens, full at start,
 * refilled continuously at N per second; a packet passes when a whole token is there. Kept in
 * nanoseconds of credit, as {@code nft_limit} does, so no rounding builds up over a long run.
 */
final class TokenBucket {
  private final long cost;
  private final long capacity;
  private long credit;
  private long last;

  TokenBucket(double perSecond, int burst, long now) {
    this.cost = Math.max(1, Math.round(1e9 / perSecond));
    this.capacity = cost * burst;
    this.credit = capacity;
    this.last = now;
  }

  /** Takes one token at {@code now}; false when the bucket is empty (the packet is not sent). */
  boolean take(long now) {
    if (now > last) {
      credit = Math.min(capacity, credit + (now - last));
      last = now;
    }
    if (credit < cost) {
      return false;
    }
    credit -= cost;
    return true;
  }
}
