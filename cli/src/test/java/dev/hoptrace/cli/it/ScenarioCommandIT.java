package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.ExecResult;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hoptrace --scenario} and {@code hoptrace demo} as root: the command builds the scenario
 * as a lab itself, traces inside its client namespace, and tears it down.
 */
class ScenarioCommandIT {

  @BeforeAll
  static void root() {
    ItEnvironment.requireRoot();
  }

  private static ExecResult run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ItEnvironment.java().toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-jar",
        ItEnvironment.jar().toString()));
    command.addAll(Arrays.asList(args));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    var stdout = p.getInputStream().readAllBytes();
    var stderr = p.getErrorStream().readAllBytes();
    boolean done = p.waitFor(Hoptrace.HANG.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    return new ExecResult(command, done ? p.exitValue() : -1, new String(stdout), new String(stderr), !done,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static List<String> labNamespaces() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "netns", "list").start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out.lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("ht-")).toList();
  }

  @Test
  void scenarioTraceRunsInItsOwnLabAndLeavesNothingBehind() throws Exception {
    List<String> before = labNamespaces();
    ExecResult run = run("--scenario", "ecmp-diamond", "-o", "json", "-q", "8", "dst");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stderr()).contains("scenario ecmp-diamond, in the lab (real Linux kernels");

    TraceReport report = TraceReport.parse(run);
    assertThat(report.reached()).isTrue();
    assertThat(report.hops()).hasSize(5);
    assertThat(report.hops().get(1).responders()).containsExactlyInAnyOrder(
        InetAddress.getByName("198.18.2.2"), InetAddress.getByName("198.18.3.2"));
    assertThat(report.hops().get(1).probes()).extracting(TraceReport.Probe::name)
        .containsOnly("r2a", "r2b");
    assertThat(labNamespaces()).isEqualTo(before);
  }

  @Test
  void demoOfALabScenarioSaysItRanOnRealKernels() throws Exception {
    ExecResult run = run("demo", "unreachable");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stderr()).contains("scenario unreachable, in the lab");
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines.getLast()).startsWith(" 4  r3 (198.18.3.2)  ").contains("!H");
  }

  @Test
  void simFlagKeepsRootInTheSimulator() throws Exception {
    ExecResult run = run("--scenario", "linear", "--sim", "-n", "dst");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stderr()).contains("in the simulator");
    assertThat(run.stdout().lines().toList().getLast()).startsWith(" 7  198.18.7.2  ");
  }
}
