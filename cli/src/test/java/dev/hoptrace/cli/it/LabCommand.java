package dev.hoptrace.cli.it;

import dev.hoptrace.lab.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs the jar as root with {@code --scenario}, so that it builds the scenario's lab itself, and
 * watches it from outside: when the lab was ready (its stderr line), when the first byte of output
 * came, and which lab run id the process claimed, so a test can check that the lab is gone after.
 */
final class LabCommand {
  /** The lab owners' directory of dev.hoptrace.lab.LabRegistry: one file per run id, "PID ...". */
  private static final Path OWNERS = Path.of("/run/hoptrace-lab");
  private static final String LAB_READY = ", in the lab (";

  /**
   * @param result what the process printed and how it ended
   * @param labToOutput from the lab being ready to the first byte on stdout: the traces and
   *     whatever follows them before the report is printed, without the lab's build or teardown
   * @param labRunId the run id of the lab the process built, empty when it built none
   */
  record Run(ExecResult result, Optional<Duration> labToOutput, Optional<String> labRunId) {
    /** The lab's namespaces and owner file still present; empty when it was torn down. */
    List<String> leftovers() throws IOException, InterruptedException {
      if (labRunId.isEmpty()) {
        return List.of();
      }
      String prefix = "ht-" + labRunId.get() + "-";
      Process ip = new ProcessBuilder("ip", "netns", "list").start();
      String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ip.waitFor();
      List<String> left = new ArrayList<>(out.lines().map(l -> l.split(" ")[0])
          .filter(n -> n.startsWith(prefix)).toList());
      if (Files.exists(OWNERS.resolve(labRunId.get()))) {
        left.add(OWNERS.resolve(labRunId.get()).toString());
      }
      return left;
    }
  }

  private LabCommand() {}

  static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ItEnvironment.java().toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-jar",
        ItEnvironment.jar().toString()));
    command.addAll(Arrays.asList(args));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    AtomicLong labReady = new AtomicLong();
    AtomicLong firstOutput = new AtomicLong();
    AtomicReference<String> runId = new AtomicReference<>();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringBuilder stderr = new StringBuilder();
    Thread out = Thread.ofPlatform()
        .start(() -> copy(process.getInputStream(), stdout, firstOutput));
    Thread err = Thread.ofPlatform().start(() -> process.errorReader().lines().forEach(line -> {
      synchronized (stderr) {
        stderr.append(line).append('\n');
      }
      if (line.contains(LAB_READY) && labReady.get() == 0) {
        labReady.set(System.nanoTime());
        runId.set(ownedBy(process.pid()).orElse(null));
      }
    }));
    boolean done = process.waitFor(Hoptrace.HANG.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly().waitFor();
    }
    out.join();
    err.join();
    ExecResult result = new ExecResult(command, done ? process.exitValue() : -1,
        stdout.toString(StandardCharsets.UTF_8), stderr.toString(), !done,
        Duration.ofNanos(System.nanoTime() - start));
    Optional<Duration> labToOutput = labReady.get() != 0 && firstOutput.get() != 0
        ? Optional.of(Duration.ofNanos(firstOutput.get() - labReady.get()))
        : Optional.empty();
    return new Run(result, labToOutput, Optional.ofNullable(runId.get()));
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, AtomicLong firstByte) {
    try (in) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        firstByte.compareAndSet(0, System.nanoTime());
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run id whose owner file names {@code pid}: the lab that process built. */
  private static Optional<String> ownedBy(long pid) {
    List<Path> owners;
    try (Stream<Path> files = Files.list(OWNERS)) {
      owners = files.toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path owner : owners) {
      try {
        if (Files.readString(owner).strip().split(" ")[0].equals(Long.toString(pid))) {
          return Optional.of(owner.getFileName().toString());
        }
      } catch (IOException e) {
        // gone as it was read: another run's lab, torn down
      }
    }
    return Optional.empty();
  }
}
