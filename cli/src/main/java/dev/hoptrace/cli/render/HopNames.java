package dev.hoptrace.cli.render;

import dev.hoptrace.lookup.dns.ReverseResolver;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reverse names of hop addresses for the renderers. A lookup starts the moment an address first
 * answers (on the engine thread, without blocking it); a renderer asking for the name waits at most
 * until that lookup's own timeout has run out, so a slow DNS server delays a line by no more than
 * one lookup timeout.
 */
public final class HopNames {
  private record Pending(CompletableFuture<Optional<String>> name, long startedAt) {}

  private final ReverseResolver resolver;
  private final long timeoutNanos;
  private final Map<InetAddress, Pending> lookups = new ConcurrentHashMap<>();

  public HopNames(ReverseResolver resolver, Duration timeout) {
    this.resolver = resolver;
    this.timeoutNanos = timeout.toNanos();
  }

  /** Starts looking up {@code address} unless that already happened. */
  public void prefetch(InetAddress address) {
    lookups.computeIfAbsent(address, a -> new Pending(resolver.lookup(a), System.nanoTime()));
  }

  /**
   * The name of {@code address} if its lookup has already finished, else empty; starts the lookup
   * when none has. Never waits: a screen redrawn several times a second asks again next frame.
   */
  public Optional<String> known(InetAddress address) {
    prefetch(address);
    CompletableFuture<Optional<String>> name = lookups.get(address).name();
    return name.state() == Future.State.SUCCESS ? name.resultNow() : Optional.empty();
  }

  /** The name of {@code address} (sanitised by the resolver), or empty when there is none in time. */
  public Optional<String> name(InetAddress address) {
    prefetch(address);
    Pending pending = lookups.get(address);
    long left = pending.startedAt() + timeoutNanos - System.nanoTime();
    try {
      return pending.name().get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
