package dev.hoptrace.cli.it;

import dev.hoptrace.lab.Lab;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The hoptrace jar running as root in a lab's client namespace, watched while it runs: its
 * output lines as they come, its process id (for {@code /proc}), its end. For tests that act on
 * the lab while a trace is under way.
 */
final class RunningHoptrace {
  /** What a finished run left. */
  record Finished(int exitCode, String stdout, String stderr, long millis) {
    @Override
    public String toString() {
      return "exit " + exitCode + " after " + millis + " ms\n--- stdout ---\n" + stdout
          + "--- stderr ---\n" + stderr;
    }
  }

  private final Process process;
  private final long started = System.nanoTime();
  private final List<String> lines = new ArrayList<>();
  private final CompletableFuture<String> stdout;
  private final CompletableFuture<String> stderr;

  private RunningHoptrace(Process process) {
    this.process = process;
    this.stdout = CompletableFuture.supplyAsync(this::readLines);
    this.stderr = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    });
  }

  /** Starts the jar (world-readable copy) with {@code env} added to a root environment. */
  static RunningHoptrace start(Lab lab, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec",
        lab.client().namespace(), ItEnvironment.java().toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-jar", ItEnvironment.publicJar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SUDO_UID");
    builder.environment().remove("SUDO_GID");
    builder.environment().putAll(env);
    // ip netns exec execs the command: the process is java itself, not a parent of it.
    return new RunningHoptrace(builder.start());
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits until a stdout line matches; fails with what was printed if none does in time. */
  String awaitLine(Predicate<String> wanted, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      synchronized (lines) {
        for (String line : lines) {
          if (wanted.test(line)) {
            return line;
          }
        }
      }
      if (!process.isAlive() && stdout.isDone()) {
        break;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such line within " + seconds + " s; printed: " + lines
        + (process.isAlive() ? "" : "; stderr: " + stderr.join()));
  }

  Finished finish(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("hoptrace still ran after " + seconds + " s; printed: " + lines);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Finished(process.exitValue(), stdout.get(), stderr.get(), millis);
  }

  void kill() {
    process.destroyForcibly();
  }

  private String readLines() {
    StringBuilder all = new StringBuilder();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
        all.append(line).append('\n');
      }
    } catch (IOException e) {
      all.append("(unreadable: ").append(e.getMessage()).append(")\n");
    }
    return all.toString();
  }
}
