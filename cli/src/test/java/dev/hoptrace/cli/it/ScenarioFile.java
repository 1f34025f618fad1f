package dev.hoptrace.cli.it;

import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario that is not in the library, written by the test to a temporary file and read back
 * by both networks (the lab through {@code ScenarioLibrary.read}, the simulator through {@code
 * --scenario FILE}): the round trip of the file format, and, on the kernel alone, ECMP behind
 * a loopback answer, a lossy link and a destination that rejects UDP with !X.
 */
final class ScenarioFile {
  static final String NAME = "conformance-file";

  static final String TEXT = """
      name: conformance-file
      description: Written by ConformanceIT; balanced, answering from a loopback, lossy, !X.
      seed: 7
      nodes:
        - {name: client, role: client}
        - {name: r1, reply-from: {ipv4: 198.19.255.1, ipv6: "2001:db8:ffff::1"}}
        - {name: r2, balance: per-flow}
        - {name: r3a}
        - {name: r3b}
        - {name: r4}
        - {name: r5}
        - {name: r6}
        - {name: dst, role: destination, udp: prohibited, tcp: {default: refused, open: [8080]}}
      links:
        - client -- r1
        - r1 -- r2
        - r2 -- r3a
        - r2 -- r3b
        - r3a -- r4
        - r3b -- r4
        - {between: r4 -- r5, loss: 10%}
        - r5 -- r6
        - r6 -- dst
      """;

  private static Path file;

  private ScenarioFile() {}

  /** The file, written once per test JVM and deleted when it exits. */
  static synchronized Path path() {
    if (file == null) {
      try {
        Path dir = Files.createTempDirectory("hoptrace-conformance-");
        file = dir.resolve(NAME + ".yaml");
        Files.writeString(file, TEXT);
        // deleteOnExit runs in reverse order: the file goes first, then its directory.
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /** A scenario as each network reads it: the library's, or this file read back. */
  static Scenario load(String scenario) {
    return NAME.equals(scenario) ? ScenarioLibrary.read(path()) : ScenarioLibrary.load(scenario);
  }

  /** What the simulator is given for {@code --scenario}. */
  static String argument(String scenario) {
    return NAME.equals(scenario) ? path().toString() : scenario;
  }
}
