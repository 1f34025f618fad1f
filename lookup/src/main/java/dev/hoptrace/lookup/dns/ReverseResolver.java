package dev.hoptrace.lookup.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the name of an address (a PTR lookup) without blocking the caller.
 *
 * <p>Implementations return at once; the future completes later with the sanitised name, or empty
 * when there is none, the lookup failed or it timed out. It never completes exceptionally, so
 * callers need no error handling beyond "no name".
 */
public interface ReverseResolver {

  /** Starts (or joins) a lookup for {@code address}; never blocks, never fails. */
  CompletableFuture<Optional<String>> lookup(InetAddress address);

  /** A resolver that knows no names, for {@code --no-dns} and for tests that do not care. */
  static ReverseResolver none() {
    return address -> CompletableFuture.completedFuture(Optional.empty());
  }

  /**
   * The system's resolver configuration ({@code /etc/hosts}, then the servers in {@code
   * /etc/resolv.conf}) behind a bounded cache; each future completes within {@code timeout}.
   */
  static ReverseResolver system(Duration timeout) {
    return new CachingReverseResolver(DnsReverseResolver.builder().timeout(timeout).build());
  }
}
