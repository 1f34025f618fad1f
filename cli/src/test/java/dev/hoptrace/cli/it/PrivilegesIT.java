package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
    RunningHoptrace trace = start(Map.of("SUDO_UID", "" + NOBODY, "SUDO_GID", "" + NOBODY),
        "-n", "-q", "1", "-z", "300", destination());
    List<ThreadCredentials> seen = await(trace, all -> !all.isEmpty()
        && all.stream().allMatch(t -> t.uid() == NOBODY));
    RunningHoptrace.Finished done = trace.finish(40);

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
    RunningHoptrace report = start(Map.of("SUDO_UID", "" + NOBODY, "SUDO_GID", "" + NOBODY),
        "report", "-n", "-c", "25", "-i", "0.1", destination());
    List<ThreadCredentials> seen = await(report, all -> !all.isEmpty()
        && all.stream().allMatch(t -> t.uid() == NOBODY)
        && all.stream().anyMatch(t -> t.effective() == ThreadCredentials.CAP_NET_RAW));
    RunningHoptrace.Finished done = report.finish(40);

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
  void liveThroughSudoKeepsRawSocketsAloneAndItsPeriodicCheckConfirms() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Tmux.available(), "SKIPPED: needs tmux");
    try (Tmux tmux = Tmux.start("privileges", 100, 30)) {
      tmux.enter("env SUDO_UID=" + NOBODY + " SUDO_GID=" + NOBODY + " ip netns exec "
          + lab.client().namespace() + " " + ItEnvironment.java()
          + " --enable-native-access=ALL-UNNAMED -XX:-UsePerfData -jar "
          + ItEnvironment.publicJar() + " live -n -i 0.2 " + destination() + "; echo EXIT=$?");
      // The view's direct check runs every 20 s, on a thread started after the drop.
      tmux.awaitScreen(s -> String.join(" ", s).contains("confirmed: hop 3"),
          java.time.Duration.ofSeconds(45), "the confirmed rate limit of hop 3");
      long pid = ProcessHandle.of(tmux.shellPid()).orElseThrow().children()
          .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
          .orElseThrow().pid();
      List<ThreadCredentials> threads = ThreadCredentials.of(pid);
      assertThat(threads).allSatisfy(t -> {
        assertThat(t.uid()).isEqualTo(NOBODY);
        assertThat(t.permitted() & ~ThreadCredentials.CAP_NET_RAW).isZero();
      }).anySatisfy(t -> assertThat(t.effective()).isEqualTo(ThreadCredentials.CAP_NET_RAW));
      tmux.press("q");
      tmux.awaitScreen(s -> s.contains("EXIT=0"), java.time.Duration.ofSeconds(5), "exit 0");
    }
  }

  @Test
  void multipathThroughSudoStillOpensEachStagesRawSockets() throws Exception {
    RunningHoptrace mda = start(Map.of("SUDO_UID", "" + NOBODY, "SUDO_GID", "" + NOBODY),
        "mda", "-n", destination());
    List<ThreadCredentials> seen = await(mda, all -> !all.isEmpty()
        && all.stream().allMatch(t -> t.uid() == NOBODY));
    RunningHoptrace.Finished done = mda.finish(40);

    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(done.stdout()).as(done.toString()).contains("raw mode")
        .contains(" 5  " + destination());
    assertThat(seen).allSatisfy(t -> assertThat(t.permitted() & ~ThreadCredentials.CAP_NET_RAW)
        .isZero());
  }

  @Test
  void asRootWithoutSudoTheTracingThreadGivesUpItsCapabilities() throws Exception {
    RunningHoptrace trace = start(Map.of(), "-n", "-q", "1", "-z", "300", destination());
    List<ThreadCredentials> seen = await(trace, all -> all.stream()
        .anyMatch(t -> t.noNewPrivs() && t.permitted() == 0));
    RunningHoptrace.Finished done = trace.finish(40);

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

  /** Polls every thread's credentials until {@code wanted} holds; fails if it never does. */
  private static List<ThreadCredentials> await(RunningHoptrace run,
      Predicate<List<ThreadCredentials>> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    List<ThreadCredentials> last = List.of();
    while (run.alive() && System.nanoTime() < deadline) {
      last = ThreadCredentials.of(run.pid());
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(20);
    }
    run.kill();
    throw new AssertionError("the credentials never got there; last seen: " + last);
  }

  private static RunningHoptrace start(Map<String, String> env, String... args)
      throws IOException {
    return RunningHoptrace.start(lab, env, args);
  }
}
