package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where hop addresses sit: the AS announcing them ({@code -A}) and their place ({@code --geo-db}),
 * each asked without blocking.
 *
 * @param asns AS numbers, or empty when not asked for: then there is no AS column to show
 * @param places places, {@link Known#none()} when not asked for
 */
public record KnownOrigins(Optional<Known<AsInfo>> asns, Known<Place> places) {

  /** Neither asked for. */
  public static final KnownOrigins NONE = new KnownOrigins(Optional.empty(), Known.none());

  public KnownOrigins {
    Objects.requireNonNull(asns, "asns");
    Objects.requireNonNull(places, "places");
  }

  /** The AS numbers and places {@code facts} look up. */
  public static KnownOrigins of(HopFacts facts) {
    return new KnownOrigins(facts.asns().map(Known::of),
        facts.places().<Known<Place>>map(Known::of).orElse(Known.none()));
  }

  Optional<AsInfo> as(InetAddress address) {
    return asns.flatMap(a -> a.known(address));
  }

  Optional<Place> place(InetAddress address) {
    return places.known(address);
  }
}
