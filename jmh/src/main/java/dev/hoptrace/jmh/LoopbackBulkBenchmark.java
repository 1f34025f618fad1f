package dev.hoptrace.jmh;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.linux.LinuxNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Linux bulk transports through the kernel: one operation sends a batch of 64 UDP probes to
 * 127.0.0.1..64 with one {@code sendmmsg} and reads the 64 Port Unreachables back with {@code
 * recvmmsg} (raw: a raw ICMP socket; unprivileged: the error queue). Measures the FFM hot path's
 * allocation per batch. Raw needs root; loopback traffic only.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -jar jmh/target/benchmarks.jar LoopbackBulkBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LoopbackBulkBenchmark {
  static final int BATCH = 64;

  @Param({"RAW", "UNPRIVILEGED"})
  public ProbeMode mode;

  private BulkTransport transport;
  private final ProbeBatch probes = new ProbeBatch(BATCH);
  private final ReplyBatch replies = new ReplyBatch(256);
  private long lost;

  @Setup(Level.Trial)
  public void open() throws Exception {
    TargetTable.Builder builder = new TargetTable.Builder(false);
    for (int i = 1; i <= BATCH; i++) {
      builder.add(new byte[] {127, 0, 0, (byte) i}, null);
    }
    BulkSpec spec = new BulkSpec(builder.build(), Protocol.UDP, mode, true, 33999, 60, 0, 9);
    transport = new LinuxNetwork().openBulk(spec);
    for (int i = 0; i < BATCH; i++) {
      probes.add(i, 64, 0, 0);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    transport.close();
    if (lost > 0) {
      System.err.println("replies not seen within 50 ms: " + lost);
    }
  }

  @Benchmark
  public int sendBatchAndReadReplies() throws Exception {
    int sent = transport.send(probes);
    replies.clear();
    long deadline = transport.now() + 50_000_000;
    while (replies.count < sent && transport.now() < deadline) {
      transport.receive(replies, deadline);
    }
    lost += sent - replies.count;
    return replies.count;
  }
}
