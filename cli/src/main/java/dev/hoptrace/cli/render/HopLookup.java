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

/**
 * One kind of fact about hop addresses (a name, an AS, a place) for the renderers. A lookup starts
 * the moment an address first answers (on the engine thread, without blocking it); a renderer
 * asking for the fact waits at most until that lookup's own timeout has run out, so a slow source
 * delays a line by no more than one lookup timeout, and never the trace.
 *
 * @param <V> what is looked up
 */
public final class HopLookup<V> {
  private record Pending<V>(CompletableFuture<Optional<V>> value, long startedAt) {}

  private final Function<InetAddress, CompletableFuture<Optional<V>>> source;
  private final long timeoutNanos;
  private final Map<InetAddress, Pending<V>> lookups = new ConcurrentHashMap<>();

  public HopLookup(Function<InetAddress, CompletableFuture<Optional<V>>> source, Duration timeout) {
    this.source = Objects.requireNonNull(source, "source");
    this.timeoutNanos = timeout.toNanos();
  }

  /** Starts looking up {@code address} unless that already happened. */
  public void prefetch(InetAddress address) {
    lookups.computeIfAbsent(address, a -> new Pending<>(start(a), System.nanoTime()));
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
   * lookup when none has. Never waits: a screen redrawn several times a second asks again next
   * frame.
   */
  public Optional<V> known(InetAddress address) {
    prefetch(address);
    CompletableFuture<Optional<V>> value = lookups.get(address).value();
    return value.state() == Future.State.SUCCESS ? value.resultNow() : Optional.empty();
  }

  /** The fact about {@code address}, or empty when there is none in time. */
  public Optional<V> get(InetAddress address) {
    prefetch(address);
    Pending<V> pending = lookups.get(address);
    long left = pending.startedAt() + timeoutNanos - System.nanoTime();
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
