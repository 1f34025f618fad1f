package dev.hoptrace.lookup.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * or cancelling it does not affect other callers.
 */
public final class CachingReverseResolver implements ReverseResolver {

  public static final int DEFAULT_MAX_ENTRIES = 4096;
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofMinutes(1);

  private final ReverseResolver delegate;
  private final Duration ttl;
  private final Duration negativeTtl;
  private final InstantSource clock;
  private final Map<InetAddress, Slot> entries; // guarded by itself

  /** A cache with the default bounds in front of {@code delegate}. */
  public CachingReverseResolver(ReverseResolver delegate) {
    this(delegate, DEFAULT_MAX_ENTRIES, DEFAULT_TTL, DEFAULT_NEGATIVE_TTL, InstantSource.system());
  }

  /** A cache holding at most {@code maxEntries} addresses, with the given ages and clock. */
  public CachingReverseResolver(ReverseResolver delegate, int maxEntries, Duration ttl,
      Duration negativeTtl, InstantSource clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cache needs at least one entry, got " + maxEntries);
    }
    if (ttl.isNegative() || negativeTtl.isNegative()) {
      throw new IllegalArgumentException("cache ages must not be negative");
    }
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ttl = ttl;
    this.negativeTtl = negativeTtl;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<InetAddress, Slot> eldest) {
        return size() > maxEntries; // a pending lookup evicted here still completes its waiters
      }
    };
  }

  @Override
  public CompletableFuture<Optional<String>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    Slot slot;
    synchronized (entries) {
      Slot cached = entries.get(address);
      if (cached != null && !cached.expired(clock.instant())) {
        return cached.name.copy();
      }
      slot = new Slot();
      entries.put(address, slot);
    }
    // Outside the lock: the delegate is asynchronous, but need not be quick to return.
    start(address, slot);
    return slot.name.copy();
  }

  /** Number of addresses held, pending lookups included. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private void start(InetAddress address, Slot slot) {
    CompletableFuture<Optional<String>> answer;
    try {
      answer = delegate.lookup(address);
    } catch (RuntimeException e) {
      answer = CompletableFuture.completedFuture(Optional.empty());
    }
    answer
        .handle((name, failure) -> failure == null && name != null ? name : Optional.<String>empty())
        .thenAccept(name -> {
          slot.expiresAt = clock.instant().plus(name.isPresent() ? ttl : negativeTtl);
          slot.name.complete(name);
        });
  }

  /** One address: its (possibly pending) name, and when it goes stale once known. */
  private static final class Slot {
    final CompletableFuture<Optional<String>> name = new CompletableFuture<>();
    volatile Instant expiresAt; // null while pending: a pending lookup never expires

    boolean expired(Instant now) {
      Instant at = expiresAt;
      return at != null && !now.isBefore(at);
    }
  }
}
