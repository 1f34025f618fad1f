package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.ScenarioReader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole window of replies lands on one socket while hoptrace is not reading: the unprivileged
 * sessions that share a socket across probes (ping socket; Paris UDP) receive every error and
 * echo reply there, and the kernel drops what no longer fits the socket's receive buffer (for the
 * error queue without counting it anywhere). The lab delays every packet by 150 ms on the first
 * link; hoptrace sends 20 probes of 20000 bytes at TTLs 4 and 5 through a ping socket (the ten
 * echo replies are as long: about 250 KB of the kernel's accounting, more than the default
 * buffer of 208 KiB), is stopped (SIGSTOP, as a long GC pause or a starved CPU would) and
 * continued once every reply is queued. Every probe must still show as answered: none lost to a
 * full buffer, none given up while its reply waited unread.
 */
class ReplyBurstIT {
  private static final String SCENARIO = """
      name: reply-burst
      description: Written by ReplyBurstIT; four routers, 150 ms before the first.
      nodes:
        - {name: client, role: client}
        - {name: r1}
        - {name: r2}
        - {name: r3}
        - {name: r4}
        - {name: dst, role: destination}
      links:
        - {between: client -- r1, delay: 150ms}
        - r1 -- r2
        - r2 -- r3
        - r3 -- r4
        - r4 -- dst
      """;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;

  @BeforeAll
  static void startLab() {
    ItEnvironment.requireRoot();
    lab = Lab.start(ScenarioReader.read(SCENARIO, "ReplyBurstIT"));
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void aWindowOfEchoRepliesQueuedWhileStoppedIsReadInFull() throws Exception {
    String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
    String[] args = ("-n -o json --mode unprivileged -I -f 4 -m 5 -q 10 -N 250 " + dst
        + " 20000").split(" ");
    RunningHoptrace trace = RunningHoptrace.start(lab, Map.of(), args);
    // The window goes out within a few ms of the start; its replies need 300 ms to come back.
    awaitSending(trace);
    Thread.sleep(60);
    signal(trace, "STOP");
    Thread.sleep(700);
    signal(trace, "CONT");
    RunningHoptrace.Finished done = trace.finish(30);

    assertThat(done.exitCode()).as(done.toString()).isZero();
    JsonNode hops = JSON.readTree(done.stdout()).get("hops");
    java.util.List<Integer> answered = new java.util.ArrayList<>();
    hops.forEach(h -> answered.add((int) java.util.stream.StreamSupport.stream(
        h.get("probes").spliterator(), false).filter(p -> !p.get("responder").isNull()).count()));
    // Hops 4 and 5 (the destination) answered all ten of their probes.
    assertThat(answered).as("replies per hop").containsExactly(10, 10);
  }

  /** Waits until the engine thread exists: the first probes are about to leave. */
  private static void awaitSending(RunningHoptrace run) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline && run.alive()) {
      if (ThreadCredentials.of(run.pid()).stream()
          .anyMatch(t -> t.noNewPrivs() || t.name().startsWith("hoptrace-print"))) {
        return;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("hoptrace did not start sending");
  }

  private static void signal(RunningHoptrace run, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start();
    assertThat(kill.waitFor()).isZero();
  }
}
