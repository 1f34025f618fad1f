package dev.hoptrace.cli.render;

import dev.hoptrace.lookup.dns.ReverseResolver;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Reverse names of hop addresses for the renderers: a {@link HopLookup} of names. A lookup starts
 * the moment an address first answers; a renderer asking for the name waits at most until that
 * lookup's own timeout has run out, so a slow DNS server delays a line by no more than one lookup
 * timeout.
 */
public final class HopNames {
  private final HopLookup<String> lookup;

  public HopNames(ReverseResolver resolver, Duration timeout) {
    this.lookup = new HopLookup<>(resolver::lookup, timeout);
  }

  /** Starts looking up {@code address} unless that already happened. */
  public void prefetch(InetAddress address) {
    lookup.prefetch(address);
  }

  /**
   * The name of {@code address} if its lookup has already finished, else empty; starts the lookup
   * when none has. Never waits: a screen redrawn several times a second asks again next frame.
   */
  public Optional<String> known(InetAddress address) {
    return lookup.known(address);
  }

  /** The name of {@code address} (sanitised by the resolver), or empty when there is none in time. */
  public Optional<String> name(InetAddress address) {
    return lookup.get(address);
  }
}
