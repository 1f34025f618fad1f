package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * An edge of the discovered graph: flows answered by {@code from} at {@code fromTtl} were answered
 * by {@code to} at {@code ttl}. Usually {@code fromTtl = ttl − 1}; it is smaller when the hops
 * between were silent for these flows.
 *
 * @param flows the flows seen on this edge, ascending
 */
public record Link(int fromTtl, InetAddress from, int ttl, InetAddress to, List<Integer> flows) {
  public Link {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    flows = List.copyOf(flows);
    if (fromTtl >= ttl) {
      throw new IllegalArgumentException("a link goes forward: " + fromTtl + " -> " + ttl);
    }
  }
}
