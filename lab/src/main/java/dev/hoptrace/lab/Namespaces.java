package dev.hoptrace.lab;

import java.util.ArrayList;
import java.util.List;

/** The host's named network namespaces, through {@code ip netns}. */
final class Namespaces {
  private Namespaces() {}

  /** Names of all named namespaces on the host. */
  static List<String> list() {
    ExecResult result = Commands.run(List.of("ip", "netns", "list"), Commands.SETUP_TIMEOUT)
        .orThrow();
    List<String> names = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      String name = line.strip().split(" ")[0]; // "name (id: 3)"
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Creates {@code names} in one {@code ip -batch} call. */
  static void create(List<String> names) {
    batch(names.stream().map(n -> "netns add " + n).toList()).orThrow();
  }

  /**
   * Deletes {@code names}, carrying on past failures so one missing namespace does not leave
   * the others behind; the veths inside go with them.
   */
  static ExecResult delete(List<String> names) {
    return Commands.run(List.of("ip", "-force", "-batch", "-"),
        String.join("\n", names.stream().map(n -> "netns delete " + n).toList()) + "\n",
        Commands.SETUP_TIMEOUT, null);
  }

  /** Runs {@code ip} commands, one per line, in the host namespace. */
  static ExecResult batch(List<String> lines) {
    return Commands.run(List.of("ip", "-batch", "-"), String.join("\n", lines) + "\n",
        Commands.SETUP_TIMEOUT, null);
  }

  /** Runs {@code ip} commands, one per line, inside {@code namespace}. */
  static ExecResult batchIn(String namespace, List<String> lines) {
    return Commands.run(List.of("ip", "-n", namespace, "-batch", "-"),
        String.join("\n", lines) + "\n", Commands.SETUP_TIMEOUT, null);
  }
}
