package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team Cymru's record layout served by a real DNS server the test starts on loopback (dnsmasq);
 * nothing is asked of the real service. The data is invented (private-use AS numbers) for public
 * addresses, which are the only ones the resolver asks about.
 */
class CymruAsnResolverTest {
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final InetAddress V4 = InetAddress.ofLiteral("11.22.33.44");
  private static final InetAddress V6 = InetAddress.ofLiteral("2a00:1450:4001:81c::200e");
  private static final InetAddress NAMELESS = InetAddress.ofLiteral("11.22.33.45");
  private static final InetAddress MOAS = InetAddress.ofLiteral("12.0.0.1");
  private static final InetAddress HOSTILE = InetAddress.ofLiteral("13.0.0.1");
  private static final String LONG = "x".repeat(220);

  @TempDir static Path dir;
  private static Dnsmasq dns;

  @BeforeAll
  static void start() throws Exception {
    dns = Dnsmasq.start(dir, List.of(
        "txt-record=44.33.22.11.origin.asn.cymru.com,\"64500 | 11.22.32.0/20 | NL | ripencc | 2001-09-07\"",
        "txt-record=45.33.22.11.origin.asn.cymru.com,\"64500 | 11.22.32.0/20 | NL | ripencc | 2001-09-07\"",
        "txt-record=AS64500.asn.cymru.com,\"64500 | NL | ripencc | 2001-09-07 | EXAMPLE-NET - Example Networks, NL\"",
        "txt-record=e.0.0.2.0.0.0.0.0.0.0.0.0.0.0.0.c.1.8.0.1.0.0.4.0.5.4.1.0.0.a.2"
            + ".origin6.asn.cymru.com,\"64501 | 2a00:1450::/29 | DE | ripencc | 2009-10-05\"",
        "txt-record=AS64501.asn.cymru.com,\"64501 | DE | ripencc | 2009-10-05 | EXAMPLE-V6 Example Six, DE\"",
        // Several origins: the most specific route wins; a MOAS field lists two ASes.
        "txt-record=1.0.0.12.origin.asn.cymru.com,\"64510 | 12.0.0.0/8 | US | arin | 1983-08-23\"",
        "txt-record=1.0.0.12.origin.asn.cymru.com,\"64511 64512 | 12.0.0.0/16 | US | arin | 1983-08-23\"",
        // Hostile: escapes in every field, a forged line, a bidi override and ~1 KB of text,
        // which no longer fits a 512-byte UDP answer, so it comes over TCP.
        "txt-record=1.0.0.13.origin.asn.cymru.com,\"64666 | 13.0.0.0/8\\e[2J | U\\eS | ar\\nin | 1999\"",
        "txt-record=AS64666.asn.cymru.com,\"64666 | US | arin | 1999 | EVIL\\e]0;owned\\b\\nFORGED\u202eLINE\","
            + String.join(",", java.util.Collections.nCopies(4, "\"" + LONG + "\""))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (dns != null) {
      dns.close();
    }
  }

  private static CymruAsnResolver resolver(Duration timeout) {
    return CymruAsnResolver.builder().server(dns.hostPort()).timeout(timeout).build();
  }

  @Test
  void originAndNameOfAnIpv4Address() throws Exception {
    assertThat(resolver(BOUND).lookup(V4).get()).contains(new AsInfo(64500, "11.22.32.0/20", "NL",
        "ripencc", "EXAMPLE-NET - Example Networks, NL"));
  }

  @Test
  void originAndNameOfAnIpv6AddressUnderItsNibbleName() throws Exception {
    assertThat(resolver(BOUND).lookup(V6).get()).contains(new AsInfo(64501, "2a00:1450::/29", "DE",
        "ripencc", "EXAMPLE-V6 Example Six, DE"));
  }

  @Test
  void theMostSpecificOriginWinsAndTheFirstOfSeveralAses() throws Exception {
    Optional<AsInfo> info = resolver(BOUND).lookup(MOAS).get();

    assertThat(info).map(AsInfo::number).contains(64511L);
    assertThat(info).map(AsInfo::prefix).contains("12.0.0.0/16");
    assertThat(info).map(AsInfo::name).contains(""); // AS64511 has no name record
  }

  @Test
  void anAddressNoAsAnnouncesHasNone() throws Exception {
    assertThat(resolver(BOUND).lookup(InetAddress.ofLiteral("14.0.0.1")).get()).isEmpty();
  }

  @Test
  void hostileAnswersComeOutPrintableAndBounded() throws Exception {
    AsInfo info = resolver(BOUND).lookup(HOSTILE).get().orElseThrow();

    assertThat(info.number()).isEqualTo(64666);
    assertThat(info.prefix()).as("not a prefix once the escape is in").isEmpty();
    assertThat(info.country()).isEmpty();
    assertThat(info.registry()).isEmpty();
    assertThat(info.name()).startsWith("EVIL?]0;owned? FORGED?LINExxxx").endsWith("...")
        .hasSize(AsInfo.MAX_NAME_LENGTH);
    assertThat(info.name().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void specialPurposeAddressesAreNeverAsked() throws Exception {
    CymruAsnResolver cymru = resolver(BOUND);
    long before = dns.queries();
    for (String a : List.of("10.1.2.3", "192.168.1.1", "172.16.5.4", "100.64.0.1", "127.0.0.1",
        "169.254.1.1", "198.18.0.1", "198.19.255.254", "192.0.2.1", "203.0.113.9", "224.0.0.1",
        "255.255.255.255", "::1", "fe80::1", "fd00::1", "2001:db8::1", "2002:c000:201::1",
        "2001::1", "ff02::1", "3fff::1")) {
      assertThat(cymru.lookup(InetAddress.ofLiteral(a)).get()).as(a).isEmpty();
    }
    dns.awaitLogged();

    assertThat(dns.queries()).isEqualTo(before);
  }

  @Test
  void aServerThatNeverAnswersGivesNothingWithinTheBound() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      CymruAsnResolver cymru = CymruAsnResolver.builder()
          .server("127.0.0.1:" + silent.getLocalPort()).timeout(Duration.ofMillis(300)).build();

      long start = System.nanoTime();
      CompletableFuture<Optional<AsInfo>> pending = cymru.lookup(V4);
      Duration returned = Duration.ofNanos(System.nanoTime() - start);
      Optional<AsInfo> info = pending.get();
      Duration answered = Duration.ofNanos(System.nanoTime() - start);

      assertThat(info).isEmpty();
      assertThat(returned).as("lookup() must not wait for the network").isLessThan(Duration.ofMillis(200));
      assertThat(answered).isBetween(Duration.ofMillis(290), Duration.ofMillis(1300));
    }
  }

  @Test
  void theCacheAsksOncePerAddressAndTheNameOncePerAs() throws Exception {
    var cached = new CachingAsnResolver(resolver(BOUND), BOUND);
    dns.awaitLogged(); // other tests asked for the same names
    long v4Before = dns.queries("44.33.22.11.origin.asn.cymru.com");
    long namelessBefore = dns.queries("45.33.22.11.origin.asn.cymru.com");
    long nameBefore = dns.queries("AS64500.asn.cymru.com");
    List<Optional<AsInfo>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(cached.lookup(V4).get());
    }
    answers.add(cached.lookup(NAMELESS).get()); // same AS, another address
    dns.awaitLogged();

    assertThat(answers).allMatch(a -> a.map(AsInfo::number).equals(Optional.of(64500L)));
    assertThat(answers.get(3)).map(AsInfo::name).contains("EXAMPLE-NET - Example Networks, NL");
    assertThat(dns.queries("44.33.22.11.origin.asn.cymru.com") - v4Before).isOne();
    assertThat(dns.queries("45.33.22.11.origin.asn.cymru.com") - namelessBefore).isOne();
    assertThat(dns.queries("AS64500.asn.cymru.com") - nameBefore).isOne();
  }
}
