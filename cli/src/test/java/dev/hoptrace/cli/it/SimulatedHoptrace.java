package dev.hoptrace.cli.it;

import dev.hoptrace.lab.Commands;
import dev.hoptrace.lab.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the hoptrace jar as a plain process with {@code --scenario S --sim}: the simulator in
 * virtual time, with exactly the options a lab run gets. It runs as the test's user; {@code
 * --mode} picks raw or unprivileged sessions, which the simulator offers to anyone.
 */
final class SimulatedHoptrace {
  private final String scenario;

  /** @param scenario a library scenario's name or a scenario file's path */
  SimulatedHoptrace(String scenario) {
    this.scenario = scenario;
  }

  /** {@code hoptrace --scenario S --sim -n -o json --mode <mode> args…}, parsed. */
  TraceReport trace(String mode, List<String> args) {
    List<String> command = new ArrayList<>(List.of(ItEnvironment.java().toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", ItEnvironment.jar().toString(),
        "--scenario", scenario, "--sim", "-n", "-o", "json", "--mode", mode));
    command.addAll(args);
    ExecResult run = Commands.run(command, Hoptrace.HANG);
    if (!run.succeeded()) {
      throw new AssertionError("hoptrace --sim failed: " + run.describe());
    }
    return TraceReport.parse(run);
  }
}
