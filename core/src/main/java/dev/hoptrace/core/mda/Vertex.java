package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A point flows pass on their way to the hop being explored: the interface that last answered for
 * them, at the TTL it answered. With no address it stands for flows that cannot be told apart
 * there: before the first TTL (the source side), or anywhere on a hop that balances per packet.
 */
record Vertex(int ttl, Optional<InetAddress> address) {
  static Vertex at(int ttl, InetAddress address) {
    return new Vertex(ttl, Optional.of(address));
  }

  static Vertex anywhere(int ttl) {
    return new Vertex(ttl, Optional.empty());
  }
}
