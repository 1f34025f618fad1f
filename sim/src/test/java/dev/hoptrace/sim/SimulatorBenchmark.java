package dev.hoptrace.sim;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How fast the simulator runs: simulated probes per second of real time, whole classic traces
 * per second, and the real time of a 30-hop trace whose every hop waits out a 5 s timeout.
 * Prints a Markdown table for docs/benchmarks.md.
 *
 * <p>Run from the repository root:
 *
 * <pre>{@code
 * . scripts/jdk25.sh && mvn -q -B -o -pl sim -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/sim.cp -Dmdep.includeScope=test
 * java -cp sim/target/test-classes:sim/target/classes:$(cat /tmp/sim.cp) \
 *     dev.hoptrace.sim.SimulatorBenchmark
 * }</pre>
 */
public final class SimulatorBenchmark {
  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("| measurement | result |");
    System.out.println("|---|---:|");
    probesPerSecond(ProbeMode.RAW, 200_000); // warm-up
    for (ProbeMode mode : new ProbeMode[] {ProbeMode.RAW, ProbeMode.UNPRIVILEGED}) {
      double[] r = probesPerSecond(mode, 2_000_000);
      System.out.printf("| probes/s, %s UDP, transatlantic (8 TTLs, 7 hops, 64 in flight) |"
          + " %,.0f (%,.0f link crossings/s) |%n", mode.name().toLowerCase(), r[0], r[1]);
    }
    tracesPerSecond(2_000);
    double traces = tracesPerSecond(20_000);
    System.out.printf("| classic traces/s through Tracer, linear (7 hops x 3 probes, UDP) |"
        + " %,.0f (%,.0f probes/s) |%n", traces, traces * 21);
    thirtyHopTrace(20);
    long[] ms = thirtyHopTrace(50);
    System.out.printf("| 30-hop trace, every hop silent, fixed 5 s wait (firewall, -m 30) |"
        + " median %.2f ms real, p90 %.2f ms, for %d s of virtual time |%n",
        ms[0] / 1e6, ms[1] / 1e6, ms[2] / 1_000_000_000L);
  }

  /** Probes sent and answered per real second, and link crossings per second. */
  private static double[] probesPerSecond(ProbeMode mode, int probes) throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("transatlantic"));
    SessionSpec spec = new SessionSpec(network.destination(false), Protocol.UDP, mode,
        Optional.empty(), Optional.empty(), 0, 60);
    Counter counter = new Counter();
    long start = System.nanoTime();
    try (ProbeSession session = network.open(spec)) {
      SentProbe[] window = new SentProbe[64];
      for (int i = 0; i < probes; i += window.length) {
        for (int j = 0; j < window.length; j++) {
          window[j] = session.send(new OutgoingProbe(1 + j % 8, 0, 33434 + j, (i + j) & 0xffff));
        }
        long deadline = session.now() + 1_000_000_000L;
        while (session.now() < deadline && counter.replies < i + window.length) {
          session.receive(deadline, counter);
        }
        for (SentProbe sent : window) {
          session.release(sent);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (counter.replies != probes) {
      throw new AssertionError(counter.replies + " replies to " + probes + " probes");
    }
    return new double[] {probes / seconds, network.packetArrivals() / seconds};
  }

  private static double tracesPerSecond(int traces) throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    Tracer tracer = new Tracer(network);
    TraceRequest request = TraceRequest.to(network.destination(false))
        .mode(ProbeMode.UNPRIVILEGED).build();
    long start = System.nanoTime();
    for (int i = 0; i < traces; i++) {
      TraceResult r = tracer.trace(request);
      if (!r.reached() || r.probesSent() != 21) {
        throw new AssertionError("unexpected trace: " + r.stopReason());
      }
    }
    return traces / ((System.nanoTime() - start) / 1e9);
  }

  /** Median and 90th percentile real nanoseconds, and the virtual nanoseconds of one run. */
  private static long[] thirtyHopTrace(int runs) throws Exception {
    List<Long> real = new ArrayList<>();
    long virtual = 0;
    for (int i = 0; i < runs; i++) {
      SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("firewall"));
      TraceRequest request = TraceRequest.to(network.destination(false))
          .mode(ProbeMode.UNPRIVILEGED).maxTtl(30).gapLimit(30)
          .replyWait(new WaitPolicy(Duration.ofSeconds(5), 0, 0, Duration.ZERO)).build();
      long start = System.nanoTime();
      TraceResult r = new Tracer(network).trace(request);
      real.add(System.nanoTime() - start);
      virtual = r.elapsedNanos();
      if (r.hops().size() != 30) {
        throw new AssertionError(r.hops().size() + " hops");
      }
    }
    long[] sorted = real.stream().mapToLong(Long::longValue).sorted().toArray();
    return new long[] {sorted[sorted.length / 2], sorted[sorted.length * 9 / 10], virtual};
  }

  private static final class Counter implements ReplySink {
    int replies;

    @Override
    public void accept(Reply reply) {
      replies++;
    }
  }

}
