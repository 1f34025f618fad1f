package dev.hoptrace.lookup.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;

/**
 * Reverse lookups against a real DNS server on 127.0.0.1. The addresses looked up are
 * documentation addresses (RFC 5737, RFC 3849): only their PTR names are asked for, and only of the
 * test server; nothing is ever sent to them.
 */
class DnsReverseResolverTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  /** Slack for scheduling on a loaded CI machine; the bound is the timeout, not the timeout + 2 s. */
  private static final Duration SLACK = Duration.ofMillis(250);

  private TestDnsServer server;

  @BeforeEach
  void startServer() throws SocketException {
    server = TestDnsServer.start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.close();
  }

  private DnsReverseResolver resolver() {
    return DnsReverseResolver.builder().server(server.hostPort()).noHostsFile().timeout(TIMEOUT)
        .build();
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal); // literals only: never a DNS lookup
  }

  @Test
  void ipv4NameComesBack() throws Exception {
    server.ptr(ip("192.0.2.1"), "core1.fra.example.net.");
    assertThat(resolver().lookup(ip("192.0.2.1")).join()).contains("core1.fra.example.net");
    assertThat(server.queries(ip("192.0.2.1"))).isEqualTo(1);
  }

  @Test
  void ipv6NameComesBack() throws Exception {
    server.ptr(ip("2001:db8::1"), "core1.ams.example.net.");
    assertThat(resolver().lookup(ip("2001:db8::1")).join()).contains("core1.ams.example.net");
  }

  @Test
  void serverOnIpv6LoopbackWorks() throws Exception {
    TestDnsServer v6;
    try {
      v6 = TestDnsServer.startOn(ip("::1"));
    } catch (SocketException e) {
      assumeTrue(false, "no IPv6 loopback here: " + e);
      return;
    }
    try (v6) {
      v6.ptr(ip("198.51.100.7"), "edge.example.org.");
      var resolver = DnsReverseResolver.builder().server(v6.hostPort()).noHostsFile()
          .timeout(TIMEOUT).build();
      assertThat(resolver.lookup(ip("198.51.100.7")).join()).contains("edge.example.org");
    }
  }

  @Test
  void classlessDelegationCnameIsFollowed() throws Exception {
    server.classless(ip("192.0.2.130"), "130.128/25.2.0.192.in-addr.arpa.", "cust.example.net.");
    assertThat(resolver().lookup(ip("192.0.2.130")).join()).contains("cust.example.net");
  }

  @Test
  void nxdomainAndServfailGiveNoName() throws Exception {
    server.on(ip("192.0.2.3"), new TestDnsServer.Fail(Rcode.SERVFAIL));
    var resolver = resolver();
    assertThat(resolver.lookup(ip("192.0.2.2")).join()).isEmpty(); // not in the table: NXDOMAIN
    assertThat(resolver.lookup(ip("192.0.2.3")).join()).isEmpty();
  }

  @Test
  void serverThatNeverAnswersGivesNoNameAfterTheTimeoutAndNoLater() throws Exception {
    server.otherwise(new TestDnsServer.Drop());
    var resolver = resolver();
    long start = System.nanoTime();
    CompletableFuture<Optional<String>> name = resolver.lookup(ip("192.0.2.4"));
    long returned = System.nanoTime() - start;
    assertThat(name.join()).isEmpty();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("dropped query: lookup() returned after %d µs, empty after %d ms (timeout %d ms)%n",
        returned / 1000, elapsed.toMillis(), TIMEOUT.toMillis());
    assertThat(Duration.ofNanos(returned)).isLessThan(Duration.ofMillis(50));
    assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(20))
        .isLessThan(TIMEOUT.plus(SLACK));
    assertThat(server.queries()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void slowAnswerWithinTheTimeoutArrives() throws Exception {
    server.ptr(ip("192.0.2.5"), "slow.example.net.", Duration.ofMillis(200));
    long start = System.nanoTime();
    assertThat(resolver().lookup(ip("192.0.2.5")).join()).contains("slow.example.net");
    System.out.printf("200 ms answer arrived after %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void answerLaterThanTheTimeoutIsNotWaitedFor() throws Exception {
    server.ptr(ip("192.0.2.6"), "late.example.net.", Duration.ofMillis(1500));
    long start = System.nanoTime();
    assertThat(resolver().lookup(ip("192.0.2.6")).join()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SLACK));
  }

  @Test
  void hostilePtrAnswerComesOutSanitised() throws Exception {
    server.ptr(ip("192.0.2.66"), "\\027]0\\;pwned\\007.\\027[2J\\010evil\\200.example.");
    Optional<String> name = resolver().lookup(ip("192.0.2.66")).join();
    assertThat(name).contains("\\027\\0930\\059pwned\\007.\\027\\0912J\\010evil\\200.example");
    assertThat(name.orElseThrow()).doesNotContain("\u001b", "\u0007", "\n");
  }

  @Test
  void localOnlyAddressesSendNoQuery() throws Exception {
    var resolver = resolver();
    for (String literal : new String[] {
        "127.0.0.1", "127.1.2.3", "::1", "169.254.10.1", "fe80::1", "0.0.0.0", "::",
        "224.0.0.1", "239.255.255.250", "ff02::1"}) {
      assertThat(resolver.lookup(ip(literal)).join()).as(literal).isEmpty();
    }
    assertThat(server.queries()).isZero();
  }

  @Test
  void hostsFileAnswersFirstAndNamesLoopbackWithoutAQuery(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, """
        # a comment line
        127.0.0.1   localhost loopback
        ::1         ip6-localhost
        192.0.2.9   lab-router.example   # listed
        192.0.2.9   second-line-loses
        not-an-address  ignored
        """);
    server.ptr(ip("192.0.2.9"), "from-dns.example.");
    var resolver = DnsReverseResolver.builder().server(server.hostPort()).hostsFile(hosts)
        .timeout(TIMEOUT).build();
    assertThat(resolver.lookup(ip("127.0.0.1")).join()).contains("localhost");
    assertThat(resolver.lookup(ip("::1")).join()).contains("ip6-localhost");
    assertThat(resolver.lookup(ip("192.0.2.9")).join()).contains("lab-router.example");
    assertThat(server.queries()).isZero();
  }

  @Test
  void missingHostsFileIsAnEmptyOne(@TempDir Path dir) throws Exception {
    server.ptr(ip("192.0.2.10"), "r10.example.");
    var resolver = DnsReverseResolver.builder().server(server.hostPort())
        .hostsFile(dir.resolve("absent")).timeout(TIMEOUT).build();
    assertThat(resolver.lookup(ip("192.0.2.10")).join()).contains("r10.example");
  }

  @Test
  void secondServerAnswersWhenTheFirstIsSilent() throws Exception {
    try (TestDnsServer silent = TestDnsServer.start()) {
      silent.otherwise(new TestDnsServer.Drop());
      server.ptr(ip("192.0.2.11"), "backup.example.");
      var resolver = DnsReverseResolver.builder().server(silent.hostPort())
          .server(server.hostPort()).noHostsFile().timeout(Duration.ofMillis(1200)).build();
      assertThat(resolver.lookup(ip("192.0.2.11")).join()).contains("backup.example");
      assertThat(silent.queries()).isEqualTo(1);
    }
  }

  @Test
  void aFailingFirstServerHandsOverAtOnce() throws Exception {
    try (TestDnsServer refusing = TestDnsServer.start()) {
      refusing.otherwise(new TestDnsServer.Fail(Rcode.REFUSED));
      server.ptr(ip("192.0.2.12"), "second.example.");
      var resolver = DnsReverseResolver.builder().server(refusing.hostPort())
          .server(server.hostPort()).noHostsFile().timeout(Duration.ofSeconds(2)).build();
      long start = System.nanoTime();
      assertThat(resolver.lookup(ip("192.0.2.12")).join()).contains("second.example");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }
  }

  @Test
  void everyServerFailingGivesNoNameWithoutWaitingOutTheTimeout() throws Exception {
    server.otherwise(new TestDnsServer.Fail(Rcode.SERVFAIL));
    var resolver = DnsReverseResolver.builder().server(server.hostPort()).noHostsFile()
        .timeout(Duration.ofSeconds(5)).build();
    long start = System.nanoTime();
    assertThat(resolver.lookup(ip("192.0.2.13")).join()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void systemConfigurationIsForbiddenInTests() {
    assertThat(Boolean.getBoolean(DnsReverseResolver.FORBID_SYSTEM_CONFIG)).isTrue();
    assertThatThrownBy(() -> DnsReverseResolver.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("forbidden");
    assertThatThrownBy(() -> ReverseResolver.system(TIMEOUT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void badTimeoutIsRejected() {
    assertThatThrownBy(() -> DnsReverseResolver.builder().timeout(Duration.ZERO))
        .hasMessageContaining("positive");
  }
}
