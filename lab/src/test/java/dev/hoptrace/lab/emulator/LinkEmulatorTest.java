package dev.hoptrace.lab.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hoptrace.lab.ExecResult;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plain emulated link between two namespaces (root only): delay, loss, MTU, clean close. */
class LinkEmulatorTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static ScratchNamespaces namespaces;
  private static String a;
  private static String b;

  @BeforeAll
  static void namespaces() {
    ScratchNamespaces.requireRoot();
    namespaces = new ScratchNamespaces();
    a = namespaces.create("la");
    b = namespaces.create("lb");
  }

  @AfterAll
  static void removeNamespaces() {
    if (namespaces != null) {
      namespaces.close();
    }
  }

  static LinkEnd end(String namespace, int host) throws Exception {
    return LinkEnd.of(namespace, "emu0",
        new LinkEnd.Address(InetAddress.getByName("198.18.1." + host), 24),
        new LinkEnd.Address(InetAddress.getByName("2001:db8:0:1::" + host), 64));
  }

  private static ExecResult ping(String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "ping";
    command[1] = "-n";
    System.arraycopy(args, 0, command, 2, args.length);
    return ScratchNamespaces.exec(a, WAIT, command);
  }

  @Test
  void pingAcrossA20msLinkTakes40msInBothFamilies() throws Exception {
    try (LinkEmulator link = LinkEmulator.between(end(a, 1), end(b, 2))
        .link(LinkProfile.delay(Duration.ofMillis(20))).start()) {
      for (String target : new String[] {"198.18.1.2", "2001:db8:0:1::2"}) {
        ExecResult result = ping("-c", "20", "-i", "0.05", target);
        PingTimes times = PingTimes.parse(result.stdout());
        assertThat(times.received()).as(result.describe()).isEqualTo(20);
        // 20 ± 1 ms each way (the emulator's target), so 40 ± 2 ms for the round trip; the rest
        // is two namespaces' stacks and the forwarding thread, which a busy machine stretches.
        assertThat(times.median()).as(times.toString()).isBetween(40.0, 42.0);
        assertThat(times.quantile(0)).isGreaterThanOrEqualTo(40.0);
      }
    }
  }

  @Test
  void lossLosesAboutThatShareAndTheSeedRepeatsIt() throws Exception {
    int[] lost = new int[2];
    for (int run = 0; run < 2; run++) {
      try (LinkEmulator link = LinkEmulator.between(end(a, 1), end(b, 2))
          .link(LinkProfile.PERFECT.withLoss(0.3), LinkProfile.PERFECT).seed(42).start()) {
        ExecResult result = ping("-q", "-c", "500", "-i", "0.002", "-W", "1", "198.18.1.2");
        PingTimes times = PingTimes.parse(result.stdout());
        lost[run] = times.transmitted() - times.received();
        // Only ping's requests cross A to B (no link-local chatter), so the counter agrees.
        assertThat(link.count(Count.LOST)).isEqualTo(lost[run]);
      }
    }
    // Binomial(500, 0.3): mean 150, sd 10.2; ±4.5 sd fails a correct emulator once in 10^5.
    assertThat(lost[0]).isBetween(104, 196);
    assertThat(lost[1]).as("same seed, same traffic, same losses").isEqualTo(lost[0]);
  }

  @Test
  void packetsLongerThanTheLinkMtuAreDroppedSilently() throws Exception {
    try (LinkEmulator link = LinkEmulator.between(end(a, 1), end(b, 2))
        .link(LinkProfile.PERFECT.withMtu(1400)).start()) {
      // 1372 + 8 (ICMP) + 20 (IPv4) = 1400 bytes: fits exactly.
      assertThat(ping("-c", "2", "-i", "0.05", "-M", "do", "-s", "1372", "198.18.1.2")
          .succeeded()).isTrue();
      ExecResult tooLong = ping("-c", "2", "-i", "0.05", "-W", "1", "-M", "do", "-s", "1373",
          "198.18.1.2");
      assertThat(PingTimes.parse(tooLong.stdout()).received()).isZero();
      assertThat(link.count(Count.TOO_BIG_DROPPED)).isEqualTo(2);
    }
  }

  @Test
  void closeRemovesBothInterfacesAndTheThread() throws Exception {
    LinkEmulator link = LinkEmulator.between(end(a, 1), end(b, 2)).start();
    assertThat(ScratchNamespaces.ip("-n", a, "link", "show", "emu0").succeeded()).isTrue();
    assertThat(link.isRunning()).isTrue();
    long fds = openDescriptors();
    link.close();
    assertThat(link.isRunning()).isFalse();
    assertThat(ScratchNamespaces.ip("-n", a, "link", "show", "emu0").succeeded()).isFalse();
    assertThat(ScratchNamespaces.ip("-n", b, "link", "show", "emu0").succeeded()).isFalse();
    assertThat(openDescriptors()).isEqualTo(fds - 2);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("hoptrace-link-"));
  }

  private static long openDescriptors() throws Exception {
    try (var entries = Files.list(Path.of("/proc/self/fd"))) {
      return entries.count();
    }
  }
}
