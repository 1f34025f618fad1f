package dev.hoptrace.lookup.geo;

import dev.hoptrace.lookup.LookupCache;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Remembers places per address and bounds each lookup in time; a lookup not finished within
 * {@code timeout} is "no place" for the cache's negative age. See {@link LookupCache}.
 */
public final class CachingGeoResolver implements GeoResolver {

  private final LookupCache<Place> cache;

  public CachingGeoResolver(GeoResolver delegate, Duration timeout) {
    Objects.requireNonNull(delegate, "delegate");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("place lookup timeout must be positive, got " + timeout);
    }
    long nanos = timeout.toNanos();
    this.cache = LookupCache.of(address -> delegate.lookup(address).copy()
        .completeOnTimeout(Optional.empty(), nanos, TimeUnit.NANOSECONDS));
  }

  @Override
  public CompletableFuture<Optional<Place>> lookup(InetAddress address) {
    return cache.lookup(address);
  }
}
