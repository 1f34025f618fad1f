package dev.hoptrace.cli.render;

import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Everything the trace output may say about a hop address besides the trace itself, each part
 * present only when asked for: reverse names (unless {@code -n}), AS numbers ({@code -A}) and
 * places ({@code --geo-db}).
 */
public record HopFacts(Optional<HopNames> names, Optional<HopLookup<AsInfo>> asns,
    Optional<HopLookup<Place>> places) {

  /** Names alone, or nothing at all, as before AS numbers and places. */
  public static HopFacts names(Optional<HopNames> names) {
    return new HopFacts(names, Optional.empty(), Optional.empty());
  }

  /** Starts every lookup asked for; called on the engine thread, so it never waits. */
  public void prefetch(InetAddress address) {
    names.ifPresent(n -> n.prefetch(address));
    asns.ifPresent(a -> a.prefetch(address));
    places.ifPresent(p -> p.prefetch(address));
  }

  public Optional<String> name(InetAddress address) {
    return names.flatMap(n -> n.name(address));
  }

  public Optional<AsInfo> as(InetAddress address) {
    return asns.flatMap(a -> a.get(address));
  }

  public Optional<Place> place(InetAddress address) {
    return places.flatMap(p -> p.get(address));
  }
}
