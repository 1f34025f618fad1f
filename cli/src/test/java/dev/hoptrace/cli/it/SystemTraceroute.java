package dev.hoptrace.cli.it;

import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The system's {@code traceroute} (Butskoy, installed by .ci/run), run in the lab's client. */
final class SystemTraceroute {
  private final Lab lab;

  SystemTraceroute(Lab lab) {
    this.lab = lab;
  }

  /** Runs {@code traceroute -n args…} as root and parses what it printed. */
  TextTrace run(String... args) {
    List<String> command = new ArrayList<>(List.of("traceroute", "-n"));
    command.addAll(Arrays.asList(args));
    ExecResult result = lab.exec(lab.client(), command, "", Duration.ofSeconds(60), null);
    if (!result.succeeded()) {
      throw new AssertionError("system traceroute failed: " + result.describe());
    }
    try {
      return TextTrace.parse(result.stdout());
    } catch (IllegalArgumentException e) {
      throw new AssertionError("cannot read traceroute's output: " + e.getMessage() + "\n"
          + result.describe(), e);
    }
  }
}
