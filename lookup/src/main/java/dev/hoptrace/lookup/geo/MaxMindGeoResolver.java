package dev.hoptrace.lookup.geo;

import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Places from a MaxMind DB file on disk: GeoLite2-City or GeoLite2-Country ({@code country.iso_code},
 * {@code country.names.en}, {@code city.names.en}; the registered country when the country is
 * missing), or a file in IPinfo's flat layout ({@code country_code}, {@code country}). No packet
 * leaves the machine.
 */
public final class MaxMindGeoResolver implements GeoResolver {

  private final MaxMindDatabase database;

  public MaxMindGeoResolver(MaxMindDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public CompletableFuture<Optional<Place>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    // A pool thread reads the file: a memory-mapped page not yet in memory means a disk read.
    return CompletableFuture.supplyAsync(() -> find(address))
        .exceptionally(failure -> Optional.empty());
  }

  /** The place of {@code address} according to the file, read on the calling thread. */
  public Optional<Place> find(InetAddress address) {
    return database.find(address).map(entry -> place(entry.fields())).filter(p -> !p.isEmpty());
  }

  private static Place place(Map<String, Object> f) {
    String country = MaxMindDatabase.text(f, "country", "iso_code").isPresent() ? "country"
        : "registered_country";
    return new Place(
        MaxMindDatabase.text(f, country, "iso_code")
            .or(() -> MaxMindDatabase.text(f, "country_code")).orElse(""),
        MaxMindDatabase.text(f, country, "names", "en")
            .or(() -> MaxMindDatabase.text(f, "country")).orElse(""),
        MaxMindDatabase.text(f, "city", "names", "en").orElse(""));
  }

  @Override
  public String toString() {
    return "MaxMindGeoResolver[" + database + "]";
  }
}
