package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which links of a scenario the kernel alone cannot build, and why. Linux forwards without
 * delay, and a Linux router's Time Exceeded carries no RFC 4950 MPLS extension; everything
 * else in the scenario format (loss included, with nft) the lab builds itself.
 */
final class EmulatedLinks {
  private EmulatedLinks() {}

  static boolean needsEmulator(Scenario scenario, Link link) {
    return !why(scenario, link).isEmpty();
  }

  /** What about {@code link} needs the emulator, e.g. "link r2 -- r3 (delay 5 ms)", or "". */
  static String why(Scenario scenario, Link link) {
    List<String> reasons = new ArrayList<>();
    if (!link.delay().isZero()) {
      reasons.add("delay " + text(link.delay()));
    }
    if (!link.jitter().isZero()) {
      reasons.add("jitter " + text(link.jitter()));
    }
    for (String end : List.of(link.a(), link.b())) {
      if (!scenario.node(end).router().mpls().isEmpty()) {
        reasons.add(end + " reports MPLS labels");
      }
    }
    return reasons.isEmpty() ? "" : "link " + link.a() + " -- " + link.b() + " ("
        + String.join(", ", reasons) + ")";
  }

  /** Every refusal of {@code factory} for {@code scenario}, one per line; empty when buildable. */
  static List<String> refusals(Scenario scenario, EmulatedLinkFactory factory) {
    List<String> refusals = new ArrayList<>();
    for (Link link : scenario.links()) {
      if (needsEmulator(scenario, link)) {
        factory.refusal(scenario, link).ifPresent(refusals::add);
      }
    }
    return refusals;
  }

  private static String text(Duration d) {
    long micros = d.toNanos() / 1000;
    return micros % 1000 == 0 ? micros / 1000 + " ms" : micros + " µs";
  }
}
