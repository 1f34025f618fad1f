package dev.hoptrace.scenario;

/**
 * The ICMP error budget the lab gives every node's kernel: Linux's global token bucket
 * ({@code net.ipv4.icmp_msgs_per_sec}, {@code net.ipv4.icmp_msgs_burst}, one per network
 * namespace, shared by ICMP and ICMPv6 errors). The per-peer limits ({@code icmp_ratelimit},
 * {@code icmp.ratelimit}) are always off in the lab. The simulator has no kernel budget: a lab
 * that sends errors faster than its budget differs from the simulator, so a scenario that does
 * raises it. A scenario's own limits ({@code icmp: {rate, burst}}) are modelled in both.
 *
 * @param perSecond tokens per second, 1..{@value #MAX}
 * @param burst bucket size, 1..{@value #MAX}
 */
public record KernelIcmpBudget(long perSecond, long burst) {
  /**
   * The kernel refills the bucket with {@code icmp_msgs_per_sec × jiffies / HZ} in 32-bit
   * arithmetic: beyond about 4 million per second (HZ 1000) the product wraps and the budget
   * collapses instead of growing.
   */
  public static final long MAX = 1_000_000;

  /** What the lab has always set: far above what a trace sends. */
  public static final KernelIcmpBudget DEFAULT = new KernelIcmpBudget(100_000, 100_000);

  public KernelIcmpBudget {
    if (perSecond < 1 || perSecond > MAX || burst < 1 || burst > MAX) {
      throw new IllegalArgumentException("kernel-icmp per-second and burst must be 1.." + MAX);
    }
  }
}
