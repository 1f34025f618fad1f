package dev.hoptrace.core.mda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.mda.MdaSettings.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures how often each algorithm misses something, over many seeds of every topology, and
 * checks it against the stopping rule's promise.
 *
 * <p>The rule bounds by α the chance that one test at one vertex stops with a next hop unseen. A
 * topology with b branching routers can then be missed, as a whole, with probability up to about
 * b·α (the union bound over its vertices); a per-packet balancer whose branches stay apart adds
 * one test, the recheck, so it counts twice. Two things make b·α approximate rather than exact: a vertex with K next hops runs
 * K − 1 tests in sequence, each of which may stop early (for K = 8 the earlier ones add about
 * 0.2 % to the last one's α), and 1000 runs measure a rate near 5 % with a standard error of
 * about 0.7 %. The assertion therefore allows b·α plus three standard errors of a rate of b·α.
 * With the seeds fixed the outcome is deterministic. Run with {@code -Dmda.table=true} (and
 * {@code -Dmda.confidence=0.99}) to print the table in docs/mda.md.
 */
class MdaFailureRateTest {
  private static final int RUNS = 1000;
  private static final double CONFIDENCE =
      Double.parseDouble(System.getProperty("mda.confidence", "0.95"));
  private static final Map<String, Measured> MEASURED = new LinkedHashMap<>();

  record Measured(int failures, double meanProbes, double meanBatches, int branchingPoints) {
    double rate() {
      return (double) failures / RUNS;
    }
  }

  @BeforeAll
  static void measure() throws Exception {
    for (Topologies.Case shape : Topologies.all()) {
      for (Variant variant : Variant.values()) {
        MEASURED.put(key(shape, variant), run(shape, variant));
      }
    }
    if (Boolean.getBoolean("mda.table")) {
      print();
    }
  }

  static List<Topologies.Case> cases() {
    return Topologies.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void missesNoMoreOftenThanTheRuleAllows(Topologies.Case shape) {
    double alpha = 1 - CONFIDENCE;
    for (Variant variant : Variant.values()) {
      Measured measured = MEASURED.get(key(shape, variant));
      double bound = measured.branchingPoints() * alpha;
      if (variant == Variant.MDA_LITE && shape.name().equals("asymmetric widths")) {
        bound = liteAsymmetricBound(alpha);
      }
      double allowed = bound + 3 * Math.sqrt(bound * (1 - bound) / RUNS);
      assertThat(measured.rate()).as("%s, %s", shape, variant).isLessThanOrEqualTo(allowed);
    }
  }

  /**
   * MDA-Lite tests the hop under the asymmetric diamond (C1, C2 from B1; C3 from B2) as a whole,
   * as if its interfaces were equally likely: with two found it stops after n_2 flows, which rule
   * out a third of share 1/3. C2's share is 1/4 (half of B1's half), so those flows miss it with
   * probability (3/4)^n_2, more than α; the hop gets no second chance, as no asymmetry shows while
   * C2 is unseen. With A's test (α) that is the bound. The full MDA tests B1 on its own.
   */
  private static double liteAsymmetricBound(double alpha) {
    int n2 = StoppingRule.of(1 - alpha).target(2);
    return alpha + Math.pow(0.75, n2);
  }

  @Test
  void liteSendsFewerProbesOnDiamondsWithoutMeshing() {
    for (String shape : List.of("2-way diamond", "4-way diamond", "8-way diamond")) {
      Measured full = MEASURED.get(shape + "/" + Variant.MDA);
      Measured lite = MEASURED.get(shape + "/" + Variant.MDA_LITE);
      assertThat(lite.meanProbes()).as(shape).isLessThan(full.meanProbes());
    }
  }

  private static Measured run(Topologies.Case shape, Variant variant) throws Exception {
    FakeTopology topology = shape.topology();
    Mda mda = new Mda(MdaSettings.DEFAULTS.withVariant(variant).withConfidence(CONFIDENCE));
    int failures = 0;
    long probes = 0;
    long batches = 0;
    for (int seed = 0; seed < RUNS; seed++) {
      FakeTopology.Prober prober = topology.prober(seed);
      MultipathResult result = mda.trace(prober);
      probes += result.probesSent();
      batches += prober.batches();
      if (!shape.found(result)) {
        failures++;
      }
    }
    return new Measured(failures, (double) probes / RUNS, (double) batches / RUNS, shape.tests());
  }

  private static String key(Topologies.Case shape, Variant variant) {
    return shape.name() + "/" + variant;
  }

  private static void print() {
    System.out.printf("| topology | b | bound b·α | MDA miss rate | MDA probes | MDA batches"
        + " | Lite miss rate | Lite probes | Lite batches |%n");
    System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
    for (Topologies.Case shape : Topologies.all()) {
      Measured full = MEASURED.get(key(shape, Variant.MDA));
      Measured lite = MEASURED.get(key(shape, Variant.MDA_LITE));
      double bound = full.branchingPoints() * (1 - CONFIDENCE);
      String shown = shape.name().equals("asymmetric widths")
          ? "%.2f (Lite %.3f)".formatted(bound, liteAsymmetricBound(1 - CONFIDENCE))
          : "%.2f".formatted(bound);
      System.out.printf("| %s | %d | %s | %.3f | %.1f | %.1f | %.3f | %.1f | %.1f |%n",
          shape, full.branchingPoints(), shown,
          full.rate(), full.meanProbes(), full.meanBatches(),
          lite.rate(), lite.meanProbes(), lite.meanBatches());
    }
  }
}
