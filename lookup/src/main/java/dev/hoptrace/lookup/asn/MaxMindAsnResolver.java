package dev.hoptrace.lookup.asn;

import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * AS numbers from a MaxMind DB file on disk: GeoLite2-ASN ({@code autonomous_system_number},
 * {@code autonomous_system_organization}), or one in IPinfo's layout ({@code asn: "AS64500"},
 * {@code as_name}, {@code country_code}). No packet leaves the machine.
 *
 * <p>The prefix is the network of the record that holds the address, which in these files is the
 * announced route.
 */
public final class MaxMindAsnResolver implements AsnResolver {

  private final MaxMindDatabase database;

  public MaxMindAsnResolver(MaxMindDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public CompletableFuture<Optional<AsInfo>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    // A pool thread reads the file: a memory-mapped page not yet in memory means a disk read.
    return CompletableFuture.supplyAsync(() -> find(address))
        .exceptionally(failure -> Optional.empty());
  }

  /** The AS of {@code address} according to the file, read on the calling thread. */
  public Optional<AsInfo> find(InetAddress address) {
    return database.find(address).flatMap(entry -> {
      Map<String, Object> f = entry.fields();
      Optional<Long> number = MaxMindDatabase.number(f, "autonomous_system_number")
          .or(() -> MaxMindDatabase.text(f, "asn").flatMap(MaxMindAsnResolver::asText));
      return number.filter(n -> n > 0 && n <= 0xFFFF_FFFFL).map(n -> new AsInfo(n,
          Prefixes.of(entry.network(), entry.prefixLength()),
          MaxMindDatabase.text(f, "country_code").orElse(""),
          "",
          MaxMindDatabase.text(f, "autonomous_system_organization")
              .or(() -> MaxMindDatabase.text(f, "as_name")).orElse("")));
    });
  }

  /** {@code AS64500} (or a bare number) as a number. */
  private static Optional<Long> asText(String text) {
    String digits = text.regionMatches(true, 0, "AS", 0, 2) ? text.substring(2) : text;
    if (digits.isEmpty() || digits.length() > 10
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }

  @Override
  public String toString() {
    return "MaxMindAsnResolver[" + database + "]";
  }
}
