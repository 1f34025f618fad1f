package dev.hoptrace.lookup.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import dev.hoptrace.lookup.mmdb.MmdbWriter;
import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places read back through maxmind-db from .mmdb files the test wrote with known data. */
class MaxMindGeoResolverTest {
  @TempDir Path dir;

  private MaxMindGeoResolver open(MmdbWriter writer) throws Exception {
    return new MaxMindGeoResolver(MaxMindDatabase.open(writer.writeTo(dir.resolve("geo.mmdb"))));
  }

  @Test
  void cityAndCountryOfIpv4AndIpv6Addresses() throws Exception {
    var geo = new CachingGeoResolver(open(TestDatabases.city()), Duration.ofSeconds(1));

    Place berlin = geo.lookup(InetAddress.ofLiteral("192.0.2.1")).get().orElseThrow();
    assertThat(berlin).isEqualTo(new Place("DE", "Germany", "Berlin"));
    assertThat(berlin.label()).isEqualTo("Berlin, DE");
    assertThat(geo.lookup(InetAddress.ofLiteral("2001:db8:100::1")).get())
        .contains(new Place("FR", "France", "Paris"));
    assertThat(geo.lookup(InetAddress.ofLiteral("203.0.113.1")).get()).isEmpty();
  }

  @Test
  void aCountryDatabaseGivesTheCountryAlone() throws Exception {
    var geo = open(new MmdbWriter("GeoLite2-Country", 6).insert("192.0.2.0/24",
        Map.of("country", Map.of("iso_code", "NL", "names", Map.of("en", "Netherlands")))));

    Place place = geo.find(InetAddress.ofLiteral("192.0.2.1")).orElseThrow();
    assertThat(place).isEqualTo(new Place("NL", "Netherlands", ""));
    assertThat(place.label()).isEqualTo("NL");
  }

  @Test
  void theRegisteredCountryStandsInForAMissingCountry() throws Exception {
    var geo = open(new MmdbWriter("GeoLite2-City", 4).insert("192.0.2.0/24",
        Map.of("registered_country", Map.of("iso_code", "US", "names",
            Map.of("en", "United States")))));

    assertThat(geo.find(InetAddress.ofLiteral("192.0.2.1")))
        .contains(new Place("US", "United States", ""));
  }

  @Test
  void ipinfoFlatLayoutIsReadToo() throws Exception {
    var geo = open(new MmdbWriter("ipinfo lite.mmdb", 6).insert("2001:db8::/32",
        Map.of("country_code", "JP", "country", "Japan", "asn", "AS64511")));

    assertThat(geo.find(InetAddress.ofLiteral("2001:db8::1")))
        .contains(new Place("JP", "Japan", ""));
  }

  @Test
  void hostileNamesComeOutPrintableAndBadCodesAreDropped() throws Exception {
    var geo = open(new MmdbWriter("GeoLite2-City", 4).insert("192.0.2.0/24", Map.of(
        "city", Map.of("names", Map.of("en", "Zürich\r\n\u001b[2J" + "y".repeat(500))),
        "country", Map.of("iso_code", "C\u001b", "names", Map.of("en", "Switzerland")))));

    Place place = geo.find(InetAddress.ofLiteral("192.0.2.1")).orElseThrow();
    assertThat(place.countryCode()).isEmpty();
    assertThat(place.city()).startsWith("Zürich ?[2Jyyy").endsWith("...")
        .hasSize(Place.MAX_NAME_LENGTH);
    assertThat(place.label()).isEqualTo(place.city() + ", Switzerland");
  }
}
