package dev.hoptrace.jmh;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.RawProbeWriter;
import dev.hoptrace.core.bulk.RawReplyReader;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one raw bulk probe and reading back the ICMP Time Exceeded that quotes it, with the
 * stamp decoded, the destination found and checked: the per-probe work of the raw transports.
 * Expected: 0 bytes allocated per operation.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -jar jmh/target/benchmarks.jar BulkCodecBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BulkCodecBenchmark {
  @Param({"UDP", "ICMP"})
  public Protocol protocol;

  private BulkSpec spec;
  private RawProbeWriter writer;
  private RawReplyReader reader;
  private final byte[] probe = new byte[60];
  private final byte[] reply = new byte[8 + 60];
  private final byte[] router = {10, 0, 0, 1};
  private final ReplyBatch replies = new ReplyBatch(64);
  private int target;
  private long now = 1_000_000_000L;

  @Setup
  public void setUp() {
    TargetTable.Builder builder = new TargetTable.Builder(false);
    for (int i = 0; i < 65_536; i++) {
      builder.add(new byte[] {(byte) 198, 18, (byte) (i >> 8), (byte) i}, null);
    }
    spec = new BulkSpec(builder.build(), protocol, ProbeMode.RAW, true, 33434, 60, 0, 42);
    writer = new RawProbeWriter(spec, new byte[] {(byte) 198, 19, 0, 1}, 40000);
    reader = new RawReplyReader(spec, 40000);
    reply[0] = 11; // Time Exceeded, code 0; the quote follows the 8-byte header
  }

  @Benchmark
  public int writeProbeAndReadItsTimeExceeded() {
    target = (target + 7919) & 0xffff;
    now += 1000;
    writer.write(probe, 0, target, 5, 1, 13, spec.check(target), now);
    System.arraycopy(probe, 0, reply, 8, probe.length);
    replies.clear();
    reader.read(reply, 0, reply.length, router, 0, 60, now + 250_000, replies);
    if (replies.count != 1 || replies.target[0] != target) {
      throw new IllegalStateException("reply not matched");
    }
    return replies.ttl[0];
  }
}
