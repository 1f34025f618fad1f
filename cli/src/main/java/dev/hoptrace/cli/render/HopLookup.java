package dev.hoptrace.cli.render;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One kind of fact about hop addresses (a name, an AS, a place) for the renderers. A lookup starts
 * the moment an address first answers (on the engine thread, without blocking it); a renderer
 * asking for the fact waits at most until that lookup's own timeout has run out, so a slow source
 * delays a line by no more than one lookup timeout, and never the trace.
 *
 * @param <V> what is looked up
 */
public final class HopLookup<V> {
  /**
   * How long a view that asks with {@link #known} lives with a miss before asking again: a live
   * view runs for days, and a server that was slow once should get another chance (the lookup
   * caches' negative age).
   */
  static final Duration RETRY = Duration.ofMinutes(1);

  private record Pending<V>(CompletableFuture<Optional<V>> value, long startedAt) {}

  private final Function<InetAddress, CompletableFuture<Optional<V>>> source;
  private final long timeoutNanos;
  private final LongSupplier nanoTime;
  private final Map<InetAddress, Pending<V>> lookups = new ConcurrentHashMap<>();

  public HopLookup(Function<InetAddress, CompletableFuture<Optional<V>>> source, Duration timeout) {
    this(source, timeout, System::nanoTime);
  }

  HopLookup(Function<InetAddress, CompletableFuture<Optional<V>>> source, Duration timeout,
      LongSupplier nanoTime) {
    this.source = Objects.requireNonNull(source, "source");
    this.timeoutNanos = timeout.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** Starts looking up {@code address} unless that already happened. */
  public void prefetch(InetAddress address) {
    lookups.computeIfAbsent(address, a -> new Pending<>(start(a), nanoTime.getAsLong()));
  }

  private CompletableFuture<Optional<V>> start(InetAddress address) {
    try {
      return source.apply(address);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Optional.empty()); // a broken source: no fact
    }
  }

  /**
   * The fact about {@code address} if its lookup has already finished, else empty; starts the
   * lookup when none has, and again {@link #RETRY} after one that found nothing. Never waits: a
   * screen redrawn several times a second asks again next frame.
   */
  public Optional<V> known(InetAddress address) {
    prefetch(address);
    Pending<V> pending = lookups.get(address);
    CompletableFuture<Optional<V>> value = pending.value();
    if (value.state() == Future.State.RUNNING) {
      return Optional.empty();
    }
    Optional<V> known = value.state() == Future.State.SUCCESS && value.resultNow() != null
        ? value.resultNow() : Optional.empty();
    if (known.isEmpty() && nanoTime.getAsLong() - pending.startedAt() >= RETRY.toNanos()) {
      lookups.remove(address, pending); // the next frame asks anew
    }
    return known;
  }

  /** The fact about {@code address}, or empty when there is none in time. */
  public Optional<V> get(InetAddress address) {
    prefetch(address);
    Pending<V> pending = lookups.get(address);
    long left = pending.startedAt() + timeoutNanos - nanoTime.getAsLong();
    try {
      Optional<V> value = pending.value().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      return value == null ? Optional.empty() : value;
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
