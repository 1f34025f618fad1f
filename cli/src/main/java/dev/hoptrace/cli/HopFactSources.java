package dev.hoptrace.cli;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopLookup;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.asn.AsnFiles;
import dev.hoptrace.lookup.asn.AsnResolver;
import dev.hoptrace.lookup.asn.CachingAsnResolver;
import dev.hoptrace.lookup.asn.CymruAsnResolver;
import dev.hoptrace.lookup.geo.CachingGeoResolver;
import dev.hoptrace.lookup.geo.MaxMindGeoResolver;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns the AS and place options into the lookups a trace's output uses, opening files and
 * checking servers before any packet is sent, so a wrong path is a usage error, not a silent
 * column of {@code [*]}.
 */
final class HopFactSources {

  private HopFactSources() {}

  /**
   * Names as given, plus AS numbers and places as {@code settings} ask. In a scenario ({@code
   * invented}) the addresses are made up, so no server is asked unless {@code --asn-server} names
   * one; a file is read all the same.
   */
  static HopFacts of(ProbeSettings settings, Optional<HopNames> names, boolean invented)
      throws UserError {
    Duration timeout = settings.lookupTimeout();
    Optional<HopLookup<AsInfo>> asns = asns(settings, invented, timeout)
        .map(source -> new HopLookup<>(new CachingAsnResolver(source, timeout)::lookup, timeout));
    Optional<HopLookup<Place>> places = places(settings, timeout)
        .map(source -> new HopLookup<>(source::lookup, timeout));
    return new HopFacts(names, asns, places);
  }

  private static Optional<AsnResolver> asns(ProbeSettings settings, boolean invented,
      Duration timeout) throws UserError {
    if (!settings.asn && settings.asnDb == null && settings.asnServer == null) {
      return Optional.empty();
    }
    if (settings.asnDb != null && settings.asnServer != null) {
      throw UserError.usage("--asn-db reads a file and --asn-server asks a DNS server: give one");
    }
    if (settings.asnDb != null) {
      try {
        return Optional.of(AsnFiles.open(Path.of(settings.asnDb)));
      } catch (IOException e) {
        throw UserError.usage("--asn-db: " + e.getMessage());
      }
    }
    String server = settings.asnServer != null ? settings.asnServer
        : invented ? null : settings.dnsServer;
    if (server == null && invented) {
      return Optional.of(AsnResolver.none());
    }
    CymruAsnResolver.Builder cymru = CymruAsnResolver.builder().timeout(timeout);
    if (server != null) {
      try {
        cymru.server(server);
      } catch (IllegalArgumentException e) {
        throw UserError.usage((settings.asnServer != null ? "--asn-server: " : "--dns-server: ")
            + e.getMessage());
      }
    }
    return Optional.of(cymru.build());
  }

  private static Optional<CachingGeoResolver> places(ProbeSettings settings, Duration timeout)
      throws UserError {
    if (settings.geoDb == null) {
      return Optional.empty();
    }
    try {
      MaxMindDatabase database = MaxMindDatabase.open(Path.of(settings.geoDb));
      return Optional.of(new CachingGeoResolver(new MaxMindGeoResolver(database), timeout));
    } catch (IOException e) {
      throw UserError.usage("--geo-db: " + e.getMessage());
    }
  }
}
