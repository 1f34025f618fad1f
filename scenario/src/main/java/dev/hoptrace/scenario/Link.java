package dev.hoptrace.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * A point-to-point link. Probes toward the destination may cross it either way; delay, jitter
 * and loss apply in each direction.
 *
 * @param index 1-based position in the file: link {@code i} is 198.18.i.0/24 (198.19.(i-254).0/24
 *     from 255 on) and 2001:db8:0:i::/64, with {@code a} at host 1 and {@code b} at host 2
 * @param a one end (conventionally the one nearer the client)
 * @param b the other end
 * @param delay one-way delay
 * @param jitter the delay varies uniformly within ± jitter (never below zero)
 * @param loss probability 0..1 that a packet crossing the link is lost, per direction
 * @param mtu the link MTU in bytes
 * @param cost what crossing the link adds to a route's length (1 by default, so routes go by hop
 *     count); a link of cost 2 lets a branch one hop longer tie with a shorter one, as routing
 *     metrics that are not hop counts do
 */
public record Link(int index, String a, String b, Duration delay, Duration jitter, double loss, int mtu,
    int cost) {

  public static final int DEFAULT_MTU = 1500;
  public static final int MAX_COST = 100;
  /** Link indexes address the two /16s of 198.18.0.0/15, one /24 each. */
  public static final int MAX_LINKS = 508;

  public Link {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(jitter, "jitter");
    if (index < 1 || index > MAX_LINKS) {
      throw new IllegalArgumentException("a scenario has at most " + MAX_LINKS + " links");
    }
    if (a.equals(b)) {
      throw new IllegalArgumentException("link " + index + " joins " + a + " to itself");
    }
    if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("link " + a + "--" + b + ": delay must be 0..10 s");
    }
    if (jitter.isNegative() || jitter.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("link " + a + "--" + b + ": jitter must be 0..10 s");
    }
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("link " + a + "--" + b + ": loss must be 0..100%");
    }
    if (cost < 1 || cost > MAX_COST) {
      throw new IllegalArgumentException("link " + a + "--" + b + ": cost must be 1.." + MAX_COST);
    }
    if (mtu < 1280 || mtu > 9000) {
      throw new IllegalArgumentException("link " + a + "--" + b
          + ": MTU must be 1280..9000 (IPv6 needs at least 1280)");
    }
  }

  /** A link of the default cost, 1. */
  public Link(int index, String a, String b, Duration delay, Duration jitter, double loss, int mtu) {
    this(index, a, b, delay, jitter, loss, mtu, 1);
  }

  public boolean touches(String node) {
    return a.equals(node) || b.equals(node);
  }

  /** The end that is not {@code node}. */
  public String other(String node) {
    if (a.equals(node)) {
      return b;
    }
    if (b.equals(node)) {
      return a;
    }
    throw new IllegalArgumentException(node + " is not on link " + a + "--" + b);
  }
}
