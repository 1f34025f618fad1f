package dev.hoptrace.lab.emulator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * Delay accuracy of the link emulator: how much a link with a 20 ms one-way delay adds to the
 * RTT of a paced UDP echo pair ({@link UdpEchoLoad}: client in namespace A, server in B) at
 * 100, 1000 and 2000 packets/s. (iputils {@code ping} cannot do it: it keeps {@code -i} in
 * whole milliseconds, and {@code -i 0.0005} turns into "send when the last reply came".) The
 * reference is the same emulator with no delay, so the figure includes whatever the delay line
 * itself adds (timer wake-up, queueing at high rates). The last two columns are the emulator's
 * own lateness ({@link LinkEmulator#lateness}).
 *
 * <p>Run as root from the repository root (builds nothing but the test classes; makes and removes
 * its own namespaces {@code hte<pid>-ba}/{@code -bb}, addresses in 198.18.1.0/24):
 *
 * <pre>
 * . scripts/jdk25.sh &amp;&amp; mvn -q -B -o -pl lab -am test-compile &amp;&amp; \
 *   java --enable-native-access=ALL-UNNAMED \
 *     -cp lab/target/test-classes:lab/target/classes:linux/target/classes:packet/target/classes:core/target/classes \
 *     dev.hoptrace.lab.emulator.LinkDelayBenchmark [seconds per rate, default 5]
 * </pre>
 */
public final class LinkDelayBenchmark {
  private static final Duration DELAY = Duration.ofMillis(20);
  private static final int[] RATES = {100, 1000, 2000};

  private LinkDelayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (!"root".equals(System.getProperty("user.name"))) {
      System.err.println("run as root: the benchmark makes namespaces and TUN devices");
      System.exit(2);
    }
    try (ScratchNamespaces namespaces = new ScratchNamespaces()) {
      String a = namespaces.create("ba");
      String b = namespaces.create("bb");
      System.out.printf(Locale.ROOT, "%6s %6s %9s %9s %9s %9s %9s %9s %9s %9s%n", "pps",
          "sent", "base p50", "base p99", "20ms p50", "20ms p99", "added p50", "added p99",
          "late p50", "late p99");
      for (int rate : RATES) {
        int count = Math.max(500, rate * seconds);
        Run base = measure(a, b, LinkProfile.PERFECT, rate, count);
        Run delayed = measure(a, b, LinkProfile.delay(DELAY), rate, count);
        System.out.printf(Locale.ROOT,
            "%6s %6d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f%n",
            Math.round(delayed.actualRate()), delayed.times().transmitted(),
            base.times().median(), base.times().quantile(0.99),
            delayed.times().median(), delayed.times().quantile(0.99),
            delayed.times().median() - base.times().median(),
            delayed.times().quantile(0.99) - base.times().median(),
            delayed.lateP50().toNanos() / 1e6, delayed.lateP99().toNanos() / 1e6);
      }
    }
  }

  private record Run(PingTimes times, double actualRate, Duration lateP50, Duration lateP99) {}

  /** One ping run across a fresh emulator: {@code aToB} one way, nothing the other way. */
  private static Run measure(String a, String b, LinkProfile aToB, int rate, int count)
      throws Exception {
    LinkEnd endA = LinkEnd.of(a, "emu0",
        new LinkEnd.Address(InetAddress.getByName("198.18.1.1"), 24));
    LinkEnd endB = LinkEnd.of(b, "emu0",
        new LinkEnd.Address(InetAddress.getByName("198.18.1.2"), 24));
    InetAddress server = InetAddress.getByName("198.18.1.2");
    // Warm-up on an emulator of its own (a fresh one below starts a fresh lateness histogram):
    // the forwarding path and the load generator get compiled before anything is measured.
    try (LinkEmulator warmUp = LinkEmulator.between(endA, endB)
        .link(aToB, LinkProfile.PERFECT).start()) {
      UdpEchoLoad.run(a, b, server, 2000, 4000);
    }
    try (LinkEmulator link = LinkEmulator.between(endA, endB)
        .link(aToB, LinkProfile.PERFECT).start()) {
      long start = System.nanoTime();
      PingTimes times = UdpEchoLoad.run(a, b, server, rate, count);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(times, count / seconds, link.lateness(0.5), link.lateness(0.99));
    }
  }
}
