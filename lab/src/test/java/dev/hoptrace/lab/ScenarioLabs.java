package dev.hoptrace.lab;

import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds each scenario at most once per test run, shared by the test classes that trace
 * through them; each lab's own shutdown hook removes it when the test JVM exits.
 */
final class ScenarioLabs {
  static final ScenarioLabs SHARED = new ScenarioLabs();

  private final Map<String, Lab> labs = new LinkedHashMap<>();

  private ScenarioLabs() {}

  /** The lab of library scenario {@code name}; skips, visibly, what the lab refuses. */
  synchronized Lab library(String name) {
    return labs.computeIfAbsent(name, n -> build(ScenarioLibrary.load(n)));
  }

  /** The lab of a test scenario file next to this class. */
  synchronized Lab resource(String name) {
    return labs.computeIfAbsent("test:" + name, n -> build(ScenarioReader.read(text(name),
        name + ".yaml")));
  }

  static Lab build(Scenario scenario) {
    var refusals = Lab.refusals(scenario, LabOptions.DEFAULT.emulator());
    if (!refusals.isEmpty()) {
      Assumptions.abort("SKIPPED " + scenario.name() + ": " + String.join("; ", refusals));
    }
    return Lab.start(scenario);
  }

  private static String text(String name) {
    try (InputStream in = ScenarioLabs.class.getResourceAsStream(name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
