package dev.hoptrace.core;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What path MTU discovery ({@code --mtu}) found: where the MTU dropped and to what, and how long
 * each probe was.
 *
 * @param startSize the size the first probes had (the request's packet length)
 * @param pathMtu the smallest MTU learnt: the largest packet that crosses the path as far as the
 *     trace went; {@code startSize} when nothing smaller was reported
 * @param probes one entry per probe of the reported hops, in TTL and then sending order
 */
public record PathMtu(int startSize, int pathMtu, List<ProbeSize> probes) {

  public PathMtu {
    probes = List.copyOf(probes);
  }

  /** The probes where the MTU dropped, in TTL order: traceroute's {@code F=NUM} places. */
  public List<ProbeSize> drops() {
    return probes.stream().filter(ProbeSize::dropped).toList();
  }

  /**
   * The smallest MTU first sent at TTL {@code ttl} ({@code F=NUM} on that hop), empty when the MTU
   * did not drop there.
   */
  public OptionalInt dropAt(int ttl) {
    return drops().stream().filter(p -> p.ttl() == ttl).mapToInt(ProbeSize::learnedMtu).min();
  }

  /** The size entry of one probe, if it belongs to a reported hop. */
  public Optional<ProbeSize> probe(int ttl, int index) {
    return probes.stream().filter(p -> p.ttl() == ttl && p.index() == index).findFirst();
  }
}
