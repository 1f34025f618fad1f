package dev.hoptrace.lookup.dns;

import dev.hoptrace.lookup.LookupCache;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers names per address, so a hop seen in every round of a live trace costs one query.
 *
 * <p>Bounded by entry count with least-recently-used eviction, and by age: a name is kept for
 * {@code ttl}, a missing name (NXDOMAIN, failure or timeout) for the shorter {@code negativeTtl},
 * so a slow server gets another chance. A lookup still in flight is shared: concurrent askers for
 * one address wait on the same query. Each caller gets its own copy of the future, so completing
 * or cancelling it does not affect other callers. (The rules are {@link LookupCache}'s.)
 */
public final class CachingReverseResolver implements ReverseResolver {

  public static final int DEFAULT_MAX_ENTRIES = LookupCache.DEFAULT_MAX_ENTRIES;
  public static final Duration DEFAULT_TTL = LookupCache.DEFAULT_TTL;
  public static final Duration DEFAULT_NEGATIVE_TTL = LookupCache.DEFAULT_NEGATIVE_TTL;

  private final LookupCache<String> cache;

  /** A cache with the default bounds in front of {@code delegate}. */
  public CachingReverseResolver(ReverseResolver delegate) {
    this(delegate, DEFAULT_MAX_ENTRIES, DEFAULT_TTL, DEFAULT_NEGATIVE_TTL, InstantSource.system());
  }

  /** A cache holding at most {@code maxEntries} addresses, with the given ages and clock. */
  public CachingReverseResolver(ReverseResolver delegate, int maxEntries, Duration ttl,
      Duration negativeTtl, InstantSource clock) {
    Objects.requireNonNull(delegate, "delegate");
    this.cache = new LookupCache<>(delegate::lookup, maxEntries, ttl, negativeTtl, clock);
  }

  @Override
  public CompletableFuture<Optional<String>> lookup(InetAddress address) {
    return cache.lookup(address);
  }

  /** Number of addresses held, pending lookups included. */
  public int size() {
    return cache.size();
  }
}
