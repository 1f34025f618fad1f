package dev.hoptrace.lookup;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Remembers what a lookup found per address, so a hop seen in every round of a live trace costs one
 * query; the one cache behind reverse names, AS numbers and places.
 *
 * <p>Bounded by entry count with least-recently-used eviction, and by age: an answer is kept for
 * {@code ttl}, a missing one (nothing known, failure or timeout) for the shorter {@code
 * negativeTtl}, so a slow server gets another chance. A lookup still in flight is shared:
 * concurrent askers for one address wait on the same query. Each caller gets its own copy of the
 * future, so completing or cancelling it does not affect other callers. The returned futures never
 * complete exceptionally.
 *
 * @param <V> what is found for an address
 */
public final class LookupCache<V> {

  public static final int DEFAULT_MAX_ENTRIES = 4096;
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(1);

  private final Function<InetAddress, CompletableFuture<Optional<V>>> source;
  private final Duration ttl;
  private final Duration negativeTtl;
  private final InstantSource clock;
  private final Map<InetAddress, Slot<V>> entries; // guarded by itself

  /** A cache holding at most {@code maxEntries} addresses, with the given ages and clock. */
  public LookupCache(Function<InetAddress, CompletableFuture<Optional<V>>> source, int maxEntries,
      Duration ttl, Duration negativeTtl, InstantSource clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cache needs at least one entry, got " + maxEntries);
    }
    if (ttl.isNegative() || negativeTtl.isNegative()) {
      throw new IllegalArgumentException("cache ages must not be negative");
    }
    this.source = Objects.requireNonNull(source, "source");
    this.ttl = ttl;
    this.negativeTtl = negativeTtl;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<InetAddress, Slot<V>> eldest) {
        return size() > maxEntries; // a pending lookup evicted here still completes its waiters
      }
    };
  }

  /** A cache with the default bounds in front of {@code source}. */
  public static <V> LookupCache<V> of(
      Function<InetAddress, CompletableFuture<Optional<V>>> source) {
    return new LookupCache<>(source, DEFAULT_MAX_ENTRIES, DEFAULT_TTL, DEFAULT_NEGATIVE_TTL,
        InstantSource.system());
  }

  /** The cached or shared answer for {@code address}, starting a lookup when there is none. */
  public CompletableFuture<Optional<V>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    Slot<V> slot;
    synchronized (entries) {
      Slot<V> cached = entries.get(address);
      if (cached != null && !cached.expired(clock.instant())) {
        return cached.value.copy();
      }
      slot = new Slot<>();
      entries.put(address, slot);
    }
    // Outside the lock: the source is asynchronous, but need not be quick to return.
    start(address, slot);
    return slot.value.copy();
  }

  /** Number of addresses held, pending lookups included. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private void start(InetAddress address, Slot<V> slot) {
    CompletableFuture<Optional<V>> answer;
    try {
      answer = source.apply(address);
    } catch (RuntimeException e) {
      answer = CompletableFuture.completedFuture(Optional.empty());
    }
    answer
        .handle((value, failure) -> failure == null && value != null ? value : Optional.<V>empty())
        .thenAccept(value -> {
          slot.expiresAt = clock.instant().plus(value.isPresent() ? ttl : negativeTtl);
          slot.value.complete(value);
        });
  }

  /** One address: its (possibly pending) answer, and when it goes stale once known. */
  private static final class Slot<V> {
    final CompletableFuture<Optional<V>> value = new CompletableFuture<>();
    volatile Instant expiresAt; // null while pending: a pending lookup never expires

    boolean expired(Instant now) {
      Instant at = expiresAt;
      return at != null && !now.isBefore(at);
    }
  }
}
