package dev.hoptrace.lookup.geo;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds where an address is, without blocking the caller. The future never completes
 * exceptionally: a failure, a timeout or an unknown address are all "no place".
 */
public interface GeoResolver {

  /** Starts (or joins) a lookup for {@code address}; never blocks, never fails. */
  CompletableFuture<Optional<Place>> lookup(InetAddress address);

  /** A resolver that knows no places. */
  static GeoResolver none() {
    return address -> CompletableFuture.completedFuture(Optional.empty());
  }
}
