package dev.hoptrace.lab;

import org.junit.jupiter.api.Assumptions;

/** Skips, visibly, tests that build real namespaces when the JVM is not root. */
final class RootOnly {
  private RootOnly() {}

  static void require() {
    if (!"root".equals(System.getProperty("user.name"))) {
      Assumptions.abort("SKIPPED: lab tests need root to create network namespaces; "
          + "run them as root (CI does) to include them");
    }
  }
}
