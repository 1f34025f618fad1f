package dev.hoptrace.lookup.asn;

import dev.hoptrace.lookup.LookupCache;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Remembers AS answers per address and bounds each lookup in time, so a hop seen in every round
 * costs one query and a slow source never holds up whoever waits for an answer.
 *
 * <p>A lookup that has not finished within {@code timeout} counts as "not known" and is kept for
 * the cache's shorter negative age, after which it is asked again. See {@link LookupCache} for the
 * cache's rules.
 */
public final class CachingAsnResolver implements AsnResolver {

  private final LookupCache<AsInfo> cache;

  /** A cache with the default bounds, each lookup bounded by {@code timeout}. */
  public CachingAsnResolver(AsnResolver delegate, Duration timeout) {
    this(delegate, timeout, LookupCache.DEFAULT_MAX_ENTRIES, LookupCache.DEFAULT_TTL,
        LookupCache.DEFAULT_NEGATIVE_TTL, InstantSource.system());
  }

  /** A cache holding at most {@code maxEntries} addresses, with the given bound, ages and clock. */
  public CachingAsnResolver(AsnResolver delegate, Duration timeout, int maxEntries, Duration ttl,
      Duration negativeTtl, InstantSource clock) {
    Objects.requireNonNull(delegate, "delegate");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("AS lookup timeout must be positive, got " + timeout);
    }
    long nanos = timeout.toNanos();
    // A dependent copy is bounded, never the delegate's own future, which others may share.
    this.cache = new LookupCache<>(
        address -> delegate.lookup(address).copy()
            .completeOnTimeout(Optional.empty(), nanos, TimeUnit.NANOSECONDS),
        maxEntries, ttl, negativeTtl, clock);
  }

  @Override
  public CompletableFuture<Optional<AsInfo>> lookup(InetAddress address) {
    return cache.lookup(address);
  }

  /** Number of addresses held, pending lookups included. */
  public int size() {
    return cache.size();
  }
}
