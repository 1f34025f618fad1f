package dev.hoptrace.lookup.asn;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the autonomous system that announces an address, without blocking the caller.
 *
 * <p>Implementations return at once; the future completes later with what is known, or empty when
 * nothing is, the lookup failed or it ran out of time. It never completes exceptionally, so
 * callers need no error handling beyond "not known".
 */
public interface AsnResolver {

  /** Starts (or joins) a lookup for {@code address}; never blocks, never fails. */
  CompletableFuture<Optional<AsInfo>> lookup(InetAddress address);

  /** A resolver that knows nothing, for tests and for addresses no source may be asked about. */
  static AsnResolver none() {
    return address -> CompletableFuture.completedFuture(Optional.empty());
  }
}
