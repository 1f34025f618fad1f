package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reverse DNS through the system's resolver configuration, against a real DNS server: dnsmasq
 * listens on the client namespace's loopback, where that namespace's resolv.conf points, and
 * answers PTR queries for the routers (not for the destination). The hosts file is emptied so the
 * names can only come from DNS.
 */
class ReverseDnsIT {
  private static final int ROUTERS = 3;
  private static Lab lab;
  private static Hoptrace hoptrace;
  private static Process dnsmasq;

  @BeforeAll
  static void build() throws Exception {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(ROUTERS).start();
    hoptrace = new Hoptrace(lab);
    String ns = lab.client().namespace();
    Files.writeString(Path.of("/etc/netns", ns, "hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "dnsmasq",
        "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
        "--listen-address=127.0.0.1", "--bind-interfaces", "--port=53", "--pid-file=",
        "--log-facility=-"));
    for (IpFamily family : IpFamily.values()) {
      for (int ttl = 1; ttl <= ROUTERS; ttl++) {
        String reverse = LabDnsServer.reverseName(lab.hopAddress(ttl, family));
        // dnsmasq takes the name without the root's trailing dot
        command.add("--ptr-record=" + reverse.substring(0, reverse.length() - 1) + ",r" + ttl
            + ".dns.test");
      }
    }
    dnsmasq = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    awaitListening(ns);
  }

  @AfterAll
  static void tearDown() {
    if (dnsmasq != null) {
      dnsmasq.destroyForcibly();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void hopsAreNamedFromDnsAndTheNamelessDestinationShowsItsAddressTwice(IpFamily family) {
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult run = hoptrace.runRaw(RunAs.ROOT_RAW, "-q", "1", "-w", "2", family.flag(), dst);
    assertThat(run.exitCode()).as(run.describe()).isZero();

    List<String> lines = run.stdout().lines().skip(1).toList();
    assertThat(lines).hasSize(ROUTERS + 1);
    for (int ttl = 1; ttl <= ROUTERS; ttl++) {
      String address = AddressText.of(lab.hopAddress(ttl, family));
      assertThat(lines.get(ttl - 1)).as(run.describe())
          .startsWith(String.format("%2d  r%d.dns.test (%s)  ", ttl, ttl, address));
    }
    assertThat(lines.get(ROUTERS)).startsWith(String.format("%2d  %s (%s)  ", ROUTERS + 1, dst, dst));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void jsonCarriesTheNames(IpFamily family) {
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult run = hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-o", "json", "--mode",
        "unprivileged", "-q", "1", "-w", "2", family.flag(), dst);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    List<TraceReport.Hop> hops = TraceReport.parse(run).hops();
    for (int ttl = 1; ttl <= ROUTERS; ttl++) {
      assertThat(hops.get(ttl - 1).probes().getFirst().name()).isEqualTo("r" + ttl + ".dns.test");
    }
    assertThat(hops.get(ROUTERS).probes().getFirst().name()).isNull();
  }

  private static void awaitListening(String ns) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!dnsmasq.isAlive()) {
        throw new IllegalStateException("dnsmasq exited with " + dnsmasq.exitValue()
            + " (is the dnsmasq-base package installed?)");
      }
      Process ss = new ProcessBuilder("ip", "netns", "exec", ns, "ss", "-lun").start();
      String out = new String(ss.getInputStream().readAllBytes());
      ss.waitFor();
      if (out.contains("127.0.0.1:53 ")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("dnsmasq did not start listening within 10 s");
  }
}
