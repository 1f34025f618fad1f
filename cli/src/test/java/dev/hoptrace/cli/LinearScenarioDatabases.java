package dev.hoptrace.cli;

import dev.hoptrace.lookup.mmdb.MmdbWriter;
import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * AS and place files for the built-in {@code linear} scenario (router k answers from 198.18.k.2
 * and 2001:db8:0:k::2), written by the tests: hops 1–3 are AS64500 (a Berlin access network), the
 * core prefix AS64501 with a hostile name; IPv6 from an iptoasn table.
 *
 * @param asnMmdb a GeoLite2-ASN file
 * @param asnTsv an iptoasn table for the IPv6 addresses
 * @param cityMmdb a GeoLite2-City file
 */
record LinearScenarioDatabases(Path asnMmdb, Path asnTsv, Path cityMmdb) {

  /** @param corePrefix the IPv4 prefix AS64501 covers, e.g. 198.18.4.0/22 */
  static LinearScenarioDatabases write(Path dir, String corePrefix) throws Exception {
    Path asnMmdb = new MmdbWriter("GeoLite2-ASN", 6)
        .insert("198.18.0.0/22", Map.of("autonomous_system_number", 64500L,
            "autonomous_system_organization", "ACCESS-NET Example Access"))
        .insert(corePrefix, Map.of("autonomous_system_number", 64501L,
            "autonomous_system_organization", "CORE-NET\u001b]0;owned\u0007 Example Core"))
        .writeTo(dir.resolve("GeoLite2-ASN.mmdb"));
    Path asnTsv = Files.writeString(dir.resolve("ip2asn-v6.tsv"), String.join("\n",
        "2001:db8::\t2001:db8:0:3:ffff:ffff:ffff:ffff\t64510\tNL\tV6-ACCESS",
        "2001:db8:0:4::\t2001:db8:0:ffff:ffff:ffff:ffff:ffff\t64511\tDE\tV6-CORE", ""));
    Path cityMmdb = new MmdbWriter("GeoLite2-City", 6)
        .insert("198.18.0.0/22", TestDatabases.cityRecord(2950159L, "Berlin", "DE", "Germany"))
        .writeTo(dir.resolve("GeoLite2-City.mmdb"));
    return new LinearScenarioDatabases(asnMmdb, asnTsv, cityMmdb);
  }
}
