package dev.hoptrace.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/** What every integration test needs from the machine: root, the built jar, a JDK 25. */
final class ItEnvironment {
  private static Path publicJar;

  private ItEnvironment() {}

  /** Skips the calling test class, visibly, unless the JVM runs as root. */
  static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      String message = "SKIPPED: hoptrace lab integration tests need root to build network "
          + "namespaces; run `mvn verify` as root (CI does) to include them";
      System.err.println(message);
      Assumptions.abort(message);
    }
  }

  /** The shaded jar under test: {@code -Dhoptrace.jar=…}, else {@code target/hoptrace.jar}. */
  static Path jar() {
    String configured = System.getProperty("hoptrace.jar");
    Path jar = configured != null ? Path.of(configured)
        : Files.exists(Path.of("target/hoptrace.jar")) ? Path.of("target/hoptrace.jar")
        : Path.of("cli/target/hoptrace.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no hoptrace jar at " + jar.toAbsolutePath()
          + ": build it first (mvn -pl cli -am package) or pass -Dhoptrace.jar=PATH");
    }
    return jar.toAbsolutePath();
  }

  /** The java launcher of the JDK running the tests (failsafe forks the build's JDK 25). */
  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * A copy of the jar in a world-readable directory, so {@code nobody} can run it; made once per
   * test JVM and deleted on exit.
   */
  static synchronized Path publicJar() {
    if (publicJar != null) {
      return publicJar;
    }
    try {
      Path dir = Files.createTempDirectory("hoptrace-it-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Path copy = dir.resolve("hoptrace.jar");
      Files.copy(jar(), copy, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
      // deleteOnExit runs in reverse order: the jar goes first, then its (then empty) directory.
      dir.toFile().deleteOnExit();
      copy.toFile().deleteOnExit();
      publicJar = copy;
      return copy;
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy the jar for nobody: " + e.getMessage(), e);
    }
  }
}
