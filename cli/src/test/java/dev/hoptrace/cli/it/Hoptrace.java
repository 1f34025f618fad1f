package dev.hoptrace.cli.it;

import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the hoptrace jar as a real process inside a lab's client namespace. */
final class Hoptrace {
  /** Longer than any honest trace in these labs; a run that reaches it is a hang. */
  static final Duration HANG = Duration.ofSeconds(40);

  private final Lab lab;

  Hoptrace(Lab lab) {
    this.lab = lab;
  }

  /** Runs {@code hoptrace args…} as {@code user}, without adding any option. */
  ExecResult runRaw(RunAs user, String... args) {
    Path jar = user.root() ? ItEnvironment.jar() : ItEnvironment.publicJar();
    List<String> command = new ArrayList<>(user.prefix());
    command.addAll(List.of(ItEnvironment.java().toString(), "--enable-native-access=ALL-UNNAMED",
        "-XX:-UsePerfData", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toString()));
    command.addAll(Arrays.asList(args));
    return lab.exec(lab.client(), command, "", HANG, jar.getParent());
  }

  /**
   * Runs {@code hoptrace -n -o json --mode <user's mode> args…} and parses its report; fails the
   * test, with the whole output, when it hung, did not exit 0 or did not print one JSON object.
   */
  TraceReport trace(RunAs user, String... args) {
    List<String> all = new ArrayList<>(List.of("-n", "-o", "json", "--mode", user.mode()));
    all.addAll(Arrays.asList(args));
    ExecResult run = runRaw(user, all.toArray(String[]::new));
    if (run.timedOut()) {
      throw new AssertionError("hoptrace hung (killed after " + HANG.toSeconds() + " s): "
          + run.describe());
    }
    if (run.exitCode() != 0) {
      throw new AssertionError("hoptrace failed: " + run.describe());
    }
    return TraceReport.parse(run);
  }

  /** Runs {@code hoptrace -n args…} as {@code user} and returns its text output. */
  ExecResult text(RunAs user, String... args) {
    List<String> all = new ArrayList<>(List.of("-n", "--mode", user.mode()));
    all.addAll(Arrays.asList(args));
    ExecResult run = runRaw(user, all.toArray(String[]::new));
    if (run.timedOut() || run.exitCode() != 0) {
      throw new AssertionError("hoptrace failed: " + run.describe());
    }
    return run;
  }
}
