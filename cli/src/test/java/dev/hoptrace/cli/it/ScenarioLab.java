package dev.hoptrace.cli.it;

import dev.hoptrace.lab.EmulatedLinkFactory;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LabOptions;
import dev.hoptrace.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The lab of the scenario under test, built once and kept while the cases of that scenario run
 * (cases come grouped by scenario), then replaced: one lab's namespaces at a time.
 */
final class ScenarioLab implements AutoCloseable {
  /**
   * How labs are built here: the kernel alone until the lab builds the emulator's links itself;
   * what it refuses is skipped with its reason, and picked up as soon as it builds.
   */
  static final LabOptions OPTIONS = LabOptions.DEFAULT;

  private String name;
  private Lab lab;

  /** The running lab of {@code scenario}; aborts the test, with the lab's reason, if refused. */
  Lab of(String scenarioName, Scenario scenario) {
    List<String> refusals = refusals(scenario);
    if (!refusals.isEmpty()) {
      String message = "SKIPPED " + scenarioName + ": the lab cannot build it yet: "
          + String.join("; ", refusals);
      System.err.println(message);
      Assumptions.abort(message);
    }
    if (!scenarioName.equals(name)) {
      close();
      lab = Lab.start(scenario, OPTIONS);
      name = scenarioName;
    }
    return lab;
  }

  static List<String> refusals(Scenario scenario) {
    EmulatedLinkFactory emulator = OPTIONS.emulator();
    return Lab.refusals(scenario, emulator);
  }

  @Override
  public void close() {
    if (lab != null) {
      lab.close();
      lab = null;
      name = null;
    }
  }
}
