package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.MultipathTracer;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.mda.MdaSettings.Variant;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How often a multipath trace over simulated packets misses or invents an interface or edge, over
 * many network seeds (each seed salts the balancers' hashes and picks the session's port, so
 * flows land anew), against the stopping rule's promise: with b branching routers, at most about
 * b·α per trace, as in the core's MdaFailureRateTest. The assertion allows b·α plus three standard
 * errors. {@code -Dmda.sim.runs=1000 -Dmda.table=true} (and {@code -Dmda.confidence=0.99},
 * {@code -Dmda.protocol=ICMP}) print the table in docs/mda.md.
 */
class MultipathFailureRateTest {
  private static final int RUNS = Integer.getInteger("mda.sim.runs", 200);
  private static final double CONFIDENCE =
      Double.parseDouble(System.getProperty("mda.confidence", "0.95"));
  private static final Protocol PROTOCOL =
      Protocol.valueOf(System.getProperty("mda.protocol", "UDP"));
  private static final Map<String, Measured> MEASURED = new LinkedHashMap<>();

  record Measured(int failures, double meanProbes, double meanSeconds) {
    double rate() {
      return (double) failures / RUNS;
    }
  }

  @BeforeAll
  static void measure() throws Exception {
    for (MultipathScenarios.Case scenario : MultipathScenarios.all()) {
      for (Variant variant : Variant.values()) {
        MEASURED.put(scenario + "/" + variant, run(scenario, variant));
      }
    }
    if (Boolean.getBoolean("mda.table")) {
      print();
    }
  }

  static List<MultipathScenarios.Case> cases() {
    return MultipathScenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void missesNoMoreOftenThanTheRuleAllows(MultipathScenarios.Case scenario) {
    double bound = scenario.branchingRouters() * (1 - CONFIDENCE);
    double allowed = bound + 3 * Math.sqrt(bound * (1 - bound) / RUNS);
    for (Variant variant : Variant.values()) {
      assertThat(MEASURED.get(scenario + "/" + variant).rate()).as("%s %s", scenario, variant)
          .isLessThanOrEqualTo(allowed);
    }
  }

  private static Measured run(MultipathScenarios.Case scenario, Variant variant)
      throws Exception {
    Scenario topology = scenario.scenario();
    PathGraph expected = PathGraph.of(topology, false);
    MdaSettings settings = MdaSettings.DEFAULTS.withVariant(variant).withConfidence(CONFIDENCE);
    int failures = 0;
    long probes = 0;
    long nanos = 0;
    for (int seed = 0; seed < RUNS; seed++) {
      SimulatedNetwork network = new SimulatedNetwork(topology, seed, true);
      MultipathTracer.Run run =
          MultipathTraceTest.trace(network, PROTOCOL, false, ProbeMode.RAW, settings);
      if (!MultipathScenarios.differences(run.result(), expected).isEmpty()) {
        failures++;
      }
      probes += run.packetsSent();
      nanos += run.elapsedNanos();
    }
    return new Measured(failures, (double) probes / RUNS, nanos / 1e9 / RUNS);
  }

  private static void print() {
    System.out.printf(Locale.ROOT, "%n%s, confidence %.2f, %d seeds%n", PROTOCOL, CONFIDENCE, RUNS);
    System.out.println("| scenario | b | bound b·α | MDA miss rate | MDA probes | Lite miss rate"
        + " | Lite probes |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (MultipathScenarios.Case scenario : MultipathScenarios.all()) {
      Measured full = MEASURED.get(scenario + "/" + Variant.MDA);
      Measured lite = MEASURED.get(scenario + "/" + Variant.MDA_LITE);
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.3f | %.1f | %.3f | %.1f |%n",
          scenario, scenario.branchingRouters(),
          scenario.branchingRouters() * (1 - CONFIDENCE), full.rate(), full.meanProbes(),
          lite.rate(), lite.meanProbes());
    }
  }
}
