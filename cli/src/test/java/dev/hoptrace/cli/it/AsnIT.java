package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lookup.mmdb.MmdbWriter;
import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AS numbers and places on real kernel routers: the jar traces through a lab with offline files the
 * test wrote (an iptoasn table and .mmdb files, one AS per router), and with {@code -A} against a
 * dnsmasq in the client namespace, which must never be asked about the lab's benchmarking and
 * documentation addresses.
 */
class AsnIT {
  private static final int ROUTERS = 3;
  private static Lab lab;
  private static Hoptrace hoptrace;
  private static Path files;
  private static Path tsv;
  private static Path asnMmdb;
  private static Path cityMmdb;

  @BeforeAll
  static void build() throws Exception {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(ROUTERS).start();
    hoptrace = new Hoptrace(lab);
    // World-readable, so that nobody (the unprivileged runs) can read the files too.
    files = Files.createTempDirectory("hoptrace-asn-it-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    List<String> rows = new ArrayList<>();
    MmdbWriter asn = new MmdbWriter("GeoLite2-ASN", 6);
    MmdbWriter city = new MmdbWriter("GeoLite2-City", 6);
    for (IpFamily family : IpFamily.values()) {
      for (int ttl = 1; ttl <= ROUTERS; ttl++) {
        String hop = AddressText.of(lab.hopAddress(ttl, family));
        rows.add(hop + "\t" + hop + "\t" + (64500 + ttl) + "\tNL\tROUTER-" + ttl);
        asn.insert(host(lab.hopAddress(ttl, family)), Map.of(
            "autonomous_system_number", 65000L + ttl,
            "autonomous_system_organization", "MMDB-ROUTER-" + ttl));
      }
      city.insert(host(lab.hopAddress(1, family)),
          TestDatabases.cityRecord(2950159L, "Berlin", "DE", "Germany"));
    }
    tsv = readable(Files.write(files.resolve("ip2asn-lab.tsv"), rows));
    asnMmdb = readable(asn.writeTo(files.resolve("asn.mmdb")));
    cityMmdb = readable(city.writeTo(files.resolve("city.mmdb")));
  }

  @AfterAll
  static void tearDown() throws IOException {
    if (lab != null) {
      lab.close();
    }
    if (files != null) {
      try (var all = Files.list(files)) {
        for (Path p : all.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(files);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void textShowsEachRoutersAsFromATable(IpFamily family) {
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult run = hoptrace.text(RunAs.ROOT_RAW, "-q", "1", "-w", "2", family.flag(),
        "--asn-db", tsv.toString(), dst);

    List<String> lines = run.stdout().lines().skip(1).toList();
    assertThat(lines).as(run.describe()).hasSize(ROUTERS + 1);
    for (int ttl = 1; ttl <= ROUTERS; ttl++) {
      String address = AddressText.of(lab.hopAddress(ttl, family));
      assertThat(lines.get(ttl - 1)).as(run.describe())
          .startsWith(String.format("%2d  %s [AS%d]  ", ttl, address, 64500 + ttl));
    }
    assertThat(lines.get(ROUTERS)).as("the destination is in no row")
        .startsWith(String.format("%2d  %s [*]  ", ROUTERS + 1, dst));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void jsonOfAnUnprivilegedRunCarriesAsAndPlaceFromMaxMindFiles(IpFamily family)
      throws Exception {
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult run = hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-o", "json", "--mode",
        "unprivileged", "-q", "1", "-w", "2", family.flag(), "--asn-db", asnMmdb.toString(),
        "--geo-db", cityMmdb.toString(), dst);
    assertThat(run.exitCode()).as(run.describe()).isZero();

    JsonNode hops = new ObjectMapper().readTree(run.stdout()).get("hops");
    for (int ttl = 1; ttl <= ROUTERS; ttl++) {
      JsonNode probe = hops.get(ttl - 1).get("probes").get(0);
      assertThat(probe.get("asn").asLong()).as(run.describe()).isEqualTo(65000 + ttl);
      assertThat(probe.get("asName").asText()).isEqualTo("MMDB-ROUTER-" + ttl);
      assertThat(probe.get("prefix").asText()).isEqualTo(host(lab.hopAddress(ttl, family)));
    }
    JsonNode first = hops.get(0).get("probes").get(0);
    assertThat(first.get("country").asText()).isEqualTo("DE");
    assertThat(first.get("city").asText()).isEqualTo("Berlin");
    assertThat(hops.get(1).get("probes").get(0).has("city")).isFalse();
    assertThat(hops.get(ROUTERS).get("probes").get(0).has("asn")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void teamCymruIsNeverAskedAboutTheLabsSpecialPurposeAddresses(IpFamily family)
      throws Exception {
    String ns = lab.client().namespace();
    Path log = files.resolve("dnsmasq-" + family + ".log");
    Process dnsmasq = new ProcessBuilder("ip", "netns", "exec", ns, "dnsmasq",
        "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
        "--listen-address=127.0.0.1", "--bind-interfaces", "--port=53", "--pid-file=",
        "--log-facility=-", "--log-queries").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      awaitListening(ns, dnsmasq);
      String dst = AddressText.of(lab.destinationAddress(family));
      ExecResult run = hoptrace.text(RunAs.ROOT_RAW, "-q", "1", "-w", "2", family.flag(), "-A",
          "--asn-server", "127.0.0.1", dst);

      List<String> lines = run.stdout().lines().skip(1).toList();
      assertThat(lines).as(run.describe()).hasSize(ROUTERS + 1)
          .allMatch(line -> line.contains(" [*]  "));
      // A query dnsmasq gets now (the lab's resolv.conf points at it) is logged after any the
      // trace sent, so once it shows, all have.
      new ProcessBuilder("ip", "netns", "exec", ns, "getent", "hosts", "sync.probe.test")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
          .waitFor();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!Files.readString(log).contains("sync.probe.test") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(log)).contains("query[A] sync.probe.test")
          .doesNotContain("cymru.com");
    } finally {
      dnsmasq.destroy();
      dnsmasq.waitFor();
    }
  }

  /** {@code address/32} or {@code address/128}, as a MaxMind network and a prefix. */
  private static String host(InetAddress address) {
    return AddressText.of(address) + (address instanceof Inet4Address ? "/32" : "/128");
  }

  private static Path readable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private static void awaitListening(String ns, Process dnsmasq)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!dnsmasq.isAlive()) {
        throw new IllegalStateException("dnsmasq exited with " + dnsmasq.exitValue());
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
