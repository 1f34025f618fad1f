package dev.hoptrace.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs host commands ({@code ip}, {@code nft}, {@code sysctl}, the programs under test) with a
 * timeout, feeding optional standard input and collecting both output streams.
 */
public final class Commands {
  /** Long enough for any lab set-up command on a loaded CI machine, short enough to notice. */
  public static final Duration SETUP_TIMEOUT = Duration.ofSeconds(20);

  private Commands() {}

  /** Runs {@code command} with no input. */
  public static ExecResult run(List<String> command, Duration timeout) {
    return run(command, "", timeout, null);
  }

  /**
   * Runs {@code command}, writes {@code stdin} to it, and waits at most {@code timeout}; on
   * timeout the process and its descendants are killed and the result says so.
   *
   * @param workingDirectory the directory to start in, or null for the current one
   */
  public static ExecResult run(
      List<String> command, String stdin, Duration timeout, Path workingDirectory) {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LabException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    // Drain both streams concurrently so a chatty process can never block on a full pipe.
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    feed(process.getOutputStream(), stdin);
    boolean exited;
    try {
      exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while running " + String.join(" ", command), e);
    }
    if (!exited) {
      kill(process);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new ExecResult(
        command, exited ? process.exitValue() : -1, join(out), join(err), !exited, elapsed);
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        Thread::startVirtualThread);
  }

  private static void feed(OutputStream stdin, String text) {
    try (stdin) {
      stdin.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The process exited without reading its input; its exit status tells the story.
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String join(CompletableFuture<String> stream) {
    try {
      return stream.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
