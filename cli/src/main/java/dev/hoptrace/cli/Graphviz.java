package dev.hoptrace.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Draws a DOT graph with Graphviz's {@code dot} when it is installed. It is optional: without it
 * the graph is still there as {@code -o dot}, so a missing or failing dot is a message, not an
 * error.
 */
final class Graphviz {
  private Graphviz() {}

  /** Writes {@code dot} as SVG into {@code file}; returns why not, or empty when it did. */
  static Optional<String> svg(String dot, Path file) throws InterruptedException {
    Optional<Path> program = onPath("dot");
    if (program.isEmpty()) {
      return Optional.of("Graphviz's dot is not installed, no SVG written to " + file
          + " (the graph itself: -o dot)");
    }
    try {
      Process process = new ProcessBuilder(program.get().toString(), "-Tsvg", "-o",
          file.toString()).redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(dot.getBytes(StandardCharsets.UTF_8));
      }
      String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? Optional.empty()
          : Optional.of("dot failed: " + said.strip());
    } catch (IOException e) {
      return Optional.of("dot could not run: " + e.getMessage());
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
