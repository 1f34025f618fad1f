package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import dev.hoptrace.lookup.mmdb.MmdbWriter;
import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AS numbers read back through maxmind-db from .mmdb files the test wrote with known data. */
class MaxMindAsnResolverTest {
  @TempDir Path dir;

  private MaxMindAsnResolver open(MmdbWriter writer) throws Exception {
    return new MaxMindAsnResolver(MaxMindDatabase.open(writer.writeTo(dir.resolve("asn.mmdb"))));
  }

  @ParameterizedTest(name = "ip_version {0}")
  @ValueSource(ints = {4, 6})
  void anIpv4AddressGetsItsAsNameAndPrefix(int ipVersion) throws Exception {
    MaxMindAsnResolver asn = open(TestDatabases.asn(ipVersion));

    assertThat(asn.lookup(InetAddress.ofLiteral("192.0.2.77")).get())
        .contains(new AsInfo(64500, "192.0.2.0/24", "", "", "EXAMPLE-NET Example Networks"));
    assertThat(asn.find(InetAddress.ofLiteral("192.0.3.1"))).isEmpty();
  }

  @Test
  void anIpv6AddressGetsItsAsFromAnIpv6File() throws Exception {
    MaxMindAsnResolver asn = open(TestDatabases.asn(6));

    assertThat(asn.find(InetAddress.ofLiteral("2001:db8:100:7::1")))
        .contains(new AsInfo(64501, "2001:db8:100::/48", "", "", "EXAMPLE-V6 Example Six"));
    assertThat(asn.find(InetAddress.ofLiteral("2001:db8:101::1"))).isEmpty();
  }

  @Test
  void anIpv4OnlyFileKnowsNothingAboutIpv6() throws Exception {
    MaxMindAsnResolver asn = open(TestDatabases.asn(4));

    assertThat(asn.lookup(InetAddress.ofLiteral("2001:db8:100::1")).get()).isEmpty();
  }

  @Test
  void ipinfoLayoutIsReadToo() throws Exception {
    MaxMindAsnResolver asn = open(new MmdbWriter("ipinfo lite.mmdb", 6).insert("198.51.100.0/24",
        Map.of("asn", "AS64502", "as_name", "Example Transit", "as_domain", "example.net",
            "country_code", "SE", "country", "Sweden")));

    assertThat(asn.find(InetAddress.ofLiteral("198.51.100.9")))
        .contains(new AsInfo(64502, "198.51.100.0/24", "SE", "", "Example Transit"));
  }

  @Test
  void aRecordWithoutAnAsNumberIsNoAs() throws Exception {
    MaxMindAsnResolver asn = open(new MmdbWriter("GeoLite2-City", 6)
        .insert("192.0.2.0/24", TestDatabases.cityRecord(1L, "Berlin", "DE", "Germany")));

    assertThat(asn.find(InetAddress.ofLiteral("192.0.2.1"))).isEmpty();
  }

  @Test
  void hostileTextInTheFileComesOutPrintable() throws Exception {
    String hostile = "EVIL\u001b]0;owned\u0007\nFORGED LINE\u202e" + "x".repeat(10_000);
    MaxMindAsnResolver asn = open(new MmdbWriter("GeoLite2-ASN", 4).insert("192.0.2.0/24",
        Map.of("autonomous_system_number", 64500L, "autonomous_system_organization", hostile)));

    String name = asn.find(InetAddress.ofLiteral("192.0.2.1")).orElseThrow().name();
    assertThat(name).startsWith("EVIL?]0;owned? FORGED LINE?xxx").endsWith("...")
        .hasSize(AsInfo.MAX_NAME_LENGTH).doesNotContain("\u001b", "\u0007", "\n", "\u202e");
  }

  @Test
  void cachedAndBoundedLikeEveryLookup() throws Exception {
    var cached = new CachingAsnResolver(open(TestDatabases.asn(6)), Duration.ofSeconds(1));
    InetAddress hop = InetAddress.ofLiteral("192.0.2.1");

    Optional<AsInfo> first = cached.lookup(hop).get();
    assertThat(cached.lookup(hop).get()).isEqualTo(first).map(AsInfo::number).contains(64500L);
    assertThat(cached.size()).isOne();
  }
}
