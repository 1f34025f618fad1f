package dev.hoptrace.lookup.mmdb;

import java.util.Map;

/**
 * Known data for the test files: an ASN and a City database in the GeoLite2 layouts, each holding
 * an IPv4 and an IPv6 network (documentation and benchmarking ranges, which no real database
 * holds, so a passing test cannot have read a real one).
 */
public final class TestDatabases {

  public static final String ASN_V4 = "192.0.2.0/24";
  public static final String ASN_V6 = "2001:db8:100::/48";

  private TestDatabases() {}

  /** GeoLite2-ASN layout: AS64500 for {@link #ASN_V4}, AS64501 for {@link #ASN_V6}. */
  public static MmdbWriter asn(int ipVersion) {
    MmdbWriter db = new MmdbWriter("GeoLite2-ASN", ipVersion)
        .insert(ASN_V4, Map.of("autonomous_system_number", 64500L,
            "autonomous_system_organization", "EXAMPLE-NET Example Networks"));
    return ipVersion == 6
        ? db.insert(ASN_V6, Map.of("autonomous_system_number", 64501L,
            "autonomous_system_organization", "EXAMPLE-V6 Example Six"))
        : db;
  }

  /** GeoLite2-City layout: Berlin, Germany for {@link #ASN_V4}; Paris, France for {@link #ASN_V6}. */
  public static MmdbWriter city() {
    return new MmdbWriter("GeoLite2-City", 6)
        .insert(ASN_V4, cityRecord(2950159L, "Berlin", "DE", "Germany"))
        .insert(ASN_V6, cityRecord(2988507L, "Paris", "FR", "France"));
  }

  /** A record as GeoLite2-City stores it (the parts hoptrace reads, and some it does not). */
  public static Map<String, Object> cityRecord(long geonameId, String city, String code,
      String country) {
    return Map.of(
        "city", Map.of("geoname_id", geonameId, "names", Map.of("en", city, "de", city)),
        "continent", Map.of("code", "EU", "names", Map.of("en", "Europe")),
        "country", Map.of("iso_code", code, "names", Map.of("en", country)),
        "location", Map.of("latitude", 52.5, "longitude", 13.4, "accuracy_radius", 50));
  }
}
