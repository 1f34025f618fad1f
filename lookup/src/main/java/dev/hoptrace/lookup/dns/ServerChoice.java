package dev.hoptrace.lookup.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The knobs every DNS-backed lookup's builder shares: which servers to ask (the system's unless
 * given) and how long one lookup may take.
 *
 * @param <B> the builder, returned by every setter so calls chain
 */
public abstract class ServerChoice<B extends ServerChoice<B>> {
  /** Servers given, in order; empty means those in {@code /etc/resolv.conf}. */
  protected final List<InetSocketAddress> servers = new ArrayList<>();
  /** The bound on each lookup. */
  protected Duration timeout = Duration.ofSeconds(1);

  protected abstract B self();

  /** The bound on each lookup, every query of it together; positive. */
  public B timeout(Duration bound) {
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("lookup timeout must be positive, got " + bound);
    }
    this.timeout = bound;
    return self();
  }

  /**
   * Asks {@code hostPort} ({@code host}, {@code host:port} or {@code [IPv6]:port}) instead of the
   * servers in {@code /etc/resolv.conf}; may be given several times.
   */
  public B server(String hostPort) {
    servers.add(NameServers.parse(hostPort));
    return self();
  }

  /** Asks {@code server} instead of the servers in {@code /etc/resolv.conf}. */
  public B server(InetSocketAddress server) {
    servers.add(Objects.requireNonNull(server, "server"));
    return self();
  }
}
