package dev.hoptrace.jmh;

import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.bulk.BulkEngine;
import dev.hoptrace.core.bulk.BulkListener;
import dev.hoptrace.core.bulk.BulkSettings;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkSummary;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bulk engine alone (queue, rate limiter, matching, completion) over an in-memory transport
 * that answers every probe at once: one operation traces 20,000 destinations 8 (or 16) hops
 * away with 3 probes per hop, 1000 at a time: 480,000 (960,000) probes to the destinations' hops,
 * plus those sent past a destination before its answer came back (printed at the end of each
 * trial). Divide JMH's {@code
 * gc.alloc.rate.norm} by that for bytes per probe; with {@code results=false} the finished traces
 * are made without their hops, so what remains is the engine's own allocation.
 *
 * <pre>{@code
 * mvn -P bench -pl jmh -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -jar jmh/target/benchmarks.jar BulkEngineBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BulkEngineBenchmark {
  static final int DESTINATIONS = 20_000;
  /** How far the destinations are: twice the hops, twice the probes per destination. */
  @Param({"8", "16"})
  public int hops;

  @Param({"true", "false"})
  public boolean results;

  private TargetTable targets;
  private long probes;
  private BulkSettings settings;

  @Setup
  public void setUp() {
    TargetTable.Builder builder = new TargetTable.Builder(false);
    for (int i = 0; i < DESTINATIONS; i++) {
      builder.add(new byte[] {(byte) 198, 18, (byte) (i >> 8), (byte) i}, null);
    }
    targets = builder.build();
    BulkSpec spec = new BulkSpec(targets, Protocol.UDP, ProbeMode.RAW, true, 33434, 60, 0, 1);
    // Replies come back after 50 us of virtual time; a 1 ms wait lets deadlines run out as they
    // do in a real run (a microsecond of virtual time passes per clock read).
    settings = new BulkSettings(spec, 1, 30, 3, 5, 10_000_000, Duration.ofMillis(1), 1000, 7);
    // 1000 destinations in progress at a time: the run's setup is spread over 20,000.
  }

  @TearDown(Level.Trial)
  public void report() {
    System.out.println("probes per operation: " + probes + " (" + hops + " hops, results "
        + results + ")");
  }

  @Benchmark
  public BulkSummary traceThousandDestinations(Blackhole hole) throws Exception {
    InstantTransport transport = new InstantTransport(targets, hops);
    BulkEngine engine = new BulkEngine(transport, settings, results
        ? hole::consume : COUNT_ONLY);
    BulkSummary summary = engine.run();
    probes = summary.probesSent();
    if (summary.completed() != DESTINATIONS) {
      throw new IllegalStateException("completed " + summary.completed());
    }
    return summary;
  }

  /** Takes results without their hops: what is left is the engine's own allocation. */
  private static final BulkListener COUNT_ONLY = new BulkListener() {
    @Override
    public void completed(TraceResult result) {}

    @Override
    public boolean wantsHops() {
      return false;
    }
  };
}
