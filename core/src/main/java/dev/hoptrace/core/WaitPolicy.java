package dev.hoptrace.core;

import java.time.Duration;

/**
 * How long to wait for a probe's reply: Linux traceroute's {@code -w MAX,HERE,NEAR}.
 *
 * <p>A probe waits at most {@code max}. Once another probe of the same hop answered, it waits
 * {@code here} times that probe's RTT; once a probe of a later hop answered, {@code near} times that
 * RTT (the first rule that applies wins, capped at {@code max}). hoptrace adds one rule of its own:
 * a probe beyond every hop that has answered so far waits {@code max(tailFloor, near × largest RTT
 * seen)}, because a silent tail (a firewall, a filtered destination) would otherwise cost a full
 * {@code max}. {@code here = near = 0} is the classic fixed wait and turns all adaptation off.
 *
 * @param max the longest wait
 * @param here factor on the RTT of an answered probe of the same hop, 0 = off
 * @param near factor on the RTT of an answered probe of a later hop, 0 = off
 * @param tailFloor the shortest wait for probes past the last responding hop
 */
public record WaitPolicy(Duration max, double here, double near, Duration tailFloor) {

  /** Linux traceroute's defaults (5 s, 3×, 10×) and a 1 s floor for the silent tail. */
  public static final WaitPolicy DEFAULT =
      new WaitPolicy(Duration.ofSeconds(5), 3.0, 10.0, Duration.ofSeconds(1));

  public WaitPolicy {
    if (max.isNegative() || max.isZero() || max.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("wait must be more than 0 and at most 60 seconds");
    }
    if (!(here >= 0 && here <= 100) || !(near >= 0 && near <= 100)) {
      throw new IllegalArgumentException("wait factors HERE and NEAR must be 0..100");
    }
    if (tailFloor.isNegative()) {
      throw new IllegalArgumentException("tail floor must not be negative");
    }
  }

  /** True when waits never adapt (traceroute's bare {@code -w MAX}). */
  public boolean fixed() {
    return here == 0 && near == 0;
  }
}
