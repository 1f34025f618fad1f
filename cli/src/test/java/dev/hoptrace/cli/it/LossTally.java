package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * Probes sent to and answered from hops behind lossy links, pooled over the runs of one network
 * and grouped by the chance the scenario gives them of coming back, then held to exact binomial
 * bounds: a network that loses too much, too little or only one way falls outside them.
 */
final class LossTally {
  private final String network;
  private final Map<Double, int[]> sentAndAnswered = new TreeMap<>();

  LossTally(String network) {
    this.network = network;
  }

  /** Counts {@code sent} probes, {@code answered} of them, each back with chance {@code p}. */
  void add(double p, int sent, int answered) {
    int[] counts = sentAndAnswered.computeIfAbsent(p, k -> new int[2]);
    counts[0] += sent;
    counts[1] += answered;
  }

  boolean isEmpty() {
    return sentAndAnswered.isEmpty();
  }

  /** Every group's answered count lies within its Binomial(sent, p) interval. */
  void assertWithinBounds(String why) {
    sentAndAnswered.forEach((p, counts) -> {
      int[] bounds = Binomial.interval(counts[0], p, Binomial.ALPHA);
      assertThat(counts[1])
          .as("%s: %d of %d probes answered behind lossy links (each back with p = %.4f; "
              + "bounds at alpha %.0e: %d..%d)\n%s", network, counts[1], counts[0], p,
              Binomial.ALPHA, bounds[0], bounds[1], why)
          .isBetween(bounds[0], bounds[1]);
    });
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(network);
    sentAndAnswered.forEach((p, c) -> text.append(String.format(" p=%.4f: %d/%d", p, c[1], c[0])));
    return text.toString();
  }
}
