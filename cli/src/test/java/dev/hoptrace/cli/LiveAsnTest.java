package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.cli.live.LiveViewSettings;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.lookup.mmdb.MmdbWriter;
import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoptrace live}'s options reach the view: {@code -A} and {@code --geo-db} give it AS
 * numbers and places to ask for without blocking (the view itself is tested in the live package).
 */
class LiveAsnTest {
  @TempDir Path dir;

  private LiveViewSettings settings(String... args) throws Exception {
    WatchCommand command = new WatchCommand(0);
    OptionParser.parse(LiveCommand.OPTIONS, List.of(args), command);
    return LiveCommand.settings(HopFactSources.of(command, Optional.empty(), true));
  }

  @Test
  void asnDbAndGeoDbGiveTheViewAsNumbersAndPlaces() throws Exception {
    Path asn = new MmdbWriter("GeoLite2-ASN", 6)
        .insert("198.18.0.0/22", Map.of("autonomous_system_number", 64500L,
            "autonomous_system_organization", "ACCESS-NET Example Access"))
        .writeTo(dir.resolve("asn.mmdb"));
    Path city = new MmdbWriter("GeoLite2-City", 6)
        .insert("198.18.0.0/22", TestDatabases.cityRecord(2950159L, "Berlin", "DE", "Germany"))
        .writeTo(dir.resolve("city.mmdb"));
    LiveViewSettings settings = settings("--asn-db", asn.toString(), "--geo-db", city.toString(),
        "dst");
    InetAddress r1 = InetAddress.getByName("198.18.1.2");

    assertThat(settings.origins().asns()).isPresent();
    Optional<AsInfo> as = eventually(() -> settings.origins().asns().get().known(r1));
    assertThat(as.map(AsInfo::label)).contains("AS64500");
    Optional<Place> place = eventually(() -> settings.origins().places().known(r1));
    assertThat(place.map(Place::label)).contains("Berlin, DE");
  }

  @Test
  void withoutDashAOrZTheViewHasNoAsNumbers() throws Exception {
    assertThat(settings("dst").origins().asns()).isEmpty();
    assertThat(settings("-z", "dst").origins().asns()).isPresent();
  }

  /** Asks as a frame would, once per 10 ms, until the lookup is in (it never blocks). */
  private static <V> Optional<V> eventually(Supplier<Optional<V>> known)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Optional<V> value = known.get();
      if (value.isPresent()) {
        return value;
      }
      Thread.sleep(10);
    }
    return Optional.empty();
  }
}
