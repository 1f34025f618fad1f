package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hoptrace started as root gives up what it no longer needs, read off the kernel's view of every
 * thread while it runs. Through sudo ({@code SUDO_UID}/{@code SUDO_GID}, here {@code nobody}) it
 * becomes that user: a one-shot trace keeps no capability at all once its raw sockets are open; a
 * report, whose rounds and direct checks open raw sockets to the end, keeps {@code CAP_NET_RAW}
 * alone, and its direct check of the rate-limiting router still confirms the diagnosis.
 */
class PrivilegesIT {
  private static final int NOBODY = 65534;
  private static Lab lab;

  @BeforeAll
  static void startLab() {
    ItEnvironment.requireRoot();
    lab = Lab.start(ScenarioLibrary.load("rate-limited"));
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void oneShotTraceThroughSudoBecomesTheUserWithoutAnyCapability() throws Exception {
    Running trace = start(Map.of("SUDO_UID", "" + NOBODY, "SUDO_GID", "" + NOBODY),
        "-n", "-q", "1", "-z", "300", destination());
    List<ThreadCredentials> seen = trace.await(all -> !all.isEmpty()
        && all.stream().allMatch(t -> t.uid() == NOBODY));
    Finished done = trace.finish();

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.stdout().lines().skip(1).toList()).as(done.toString()).hasSize(5);
    assertThat(seen).as("every thread while the trace ran").allSatisfy(t -> {
      assertThat(t.uid()).isEqualTo(NOBODY);
      assertThat(t.gid()).isEqualTo(NOBODY);
      assertThat(t.effective()).isZero();
      assertThat(t.permitted()).isZero();
    });
  }

  @Test
  void reportThroughSudoKeepsRawSocketsAloneAndItsDirectCheckStillWorks() throws Exception {
    Running report = start(Map.of("SUDO_UID", "" + NOBODY, "SUDO_GID", "" + NOBODY),
        "report", "-n", "-c", "25", "-i", "0.1", destination());
    List<ThreadCredentials> seen = report.await(all -> !all.isEmpty()
        && all.stream().allMatch(t -> t.uid() == NOBODY)
        && all.stream().anyMatch(t -> t.effective() == ThreadCredentials.CAP_NET_RAW));
    Finished done = report.finish();

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(seen).as("every thread while the report ran").allSatisfy(t -> {
      assertThat(t.uid()).isEqualTo(NOBODY);
      assertThat(t.effective() & ~ThreadCredentials.CAP_NET_RAW).isZero();
      assertThat(t.permitted() & ~ThreadCredentials.CAP_NET_RAW).isZero();
    });
    assertThat(done.stdout()).as(done.toString()).contains("ICMP, raw mode")
        .containsPattern("confirmed: hop 3 loses .* rate-limits its ICMP replies");
  }

  @Test
  void asRootWithoutSudoTheTracingThreadGivesUpItsCapabilities() throws Exception {
    Running trace = start(Map.of(), "-n", "-q", "1", "-z", "300", destination());
    List<ThreadCredentials> seen = trace.await(all -> all.stream()
        .anyMatch(t -> t.noNewPrivs() && t.permitted() == 0));
    Finished done = trace.finish();

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.stdout()).contains("raw mode");
    // No sudo user to become: the uid stays 0, the thread that traces holds nothing.
    assertThat(seen).allSatisfy(t -> assertThat(t.uid()).isZero())
        .anySatisfy(t -> {
          assertThat(t.noNewPrivs()).isTrue();
          assertThat(t.effective()).isZero();
          assertThat(t.permitted()).isZero();
        });
  }

  private static String destination() {
    return AddressText.of(lab.destinationAddress(IpFamily.IPV4));
  }

  private record Finished(int exitCode, String stdout, String stderr) {}

  /** hoptrace running in the client namespace, its output collected as it comes. */
  private record Running(Process process, CompletableFuture<String> stdout,
      CompletableFuture<String> stderr) {

    /** Polls every thread's credentials until {@code wanted} holds; fails if it never does. */
    List<ThreadCredentials> await(Predicate<List<ThreadCredentials>> wanted)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      List<ThreadCredentials> last = List.of();
      while (process.isAlive() && System.nanoTime() < deadline) {
        last = ThreadCredentials.of(process.pid());
        if (wanted.test(last)) {
          return last;
        }
        Thread.sleep(20);
      }
      process.destroyForcibly();
      throw new AssertionError("the credentials never got there; last seen: " + last
          + "; stderr: " + stderr.join());
    }

    Finished finish() throws Exception {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("hoptrace hung");
      }
      return new Finished(process.exitValue(), stdout.get(), stderr.get());
    }
  }

  /** Starts the jar as root in the client namespace with {@code env} added to its environment. */
  private static Running start(Map<String, String> env, String... args) throws IOException {
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
    Process process = builder.start();
    return new Running(process,
        CompletableFuture.supplyAsync(() -> read(process.getInputStream())),
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream())));
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
