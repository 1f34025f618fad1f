package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What has been seen at one TTL so far; becomes a {@link MultipathHop} at the end. */
final class HopRecord {
  private record Key(int fromTtl, InetAddress from, InetAddress to) {}

  private final int ttl;
  private final Set<InetAddress> interfaces = new LinkedHashSet<>();
  private final Map<Key, TreeSet<Integer>> links = new LinkedHashMap<>();
  private boolean perPacket;
  private boolean destination;
  private int probes;
  private int silent;

  HopRecord(int ttl) {
    this.ttl = ttl;
  }

  void countProbes(int count) {
    probes += count;
  }

  void answered(Answer answer) {
    switch (answer) {
      case Answer.Router router -> interfaces.add(router.address());
      case Answer.Destination end -> {
        interfaces.add(end.address());
        destination = true;
      }
      case Answer.Silent s -> silent++;
    }
  }

  void link(int fromTtl, InetAddress from, InetAddress to, int flow) {
    links.computeIfAbsent(new Key(fromTtl, from, to), key -> new TreeSet<>()).add(flow);
  }

  boolean linksInto(InetAddress to) {
    return links.keySet().stream().anyMatch(key -> key.to().equals(to));
  }

  void markPerPacket() {
    perPacket = true;
  }

  boolean perPacket() {
    return perPacket;
  }

  boolean destination() {
    return destination;
  }

  int interfaceCount() {
    return interfaces.size();
  }

  /**
   * The hop's only interface when every flow probed here answered from it: a router, not the
   * destination, with no silence and no per-packet balancing. Null otherwise.
   */
  InetAddress onlyRouter() {
    return interfaces.size() == 1 && silent == 0 && !perPacket && !destination
        ? interfaces.iterator().next()
        : null;
  }

  MultipathHop toHop() {
    List<Link> edges = new ArrayList<>();
    links.forEach((key, flows) ->
        edges.add(new Link(key.fromTtl(), key.from(), ttl, key.to(), new ArrayList<>(flows))));
    return new MultipathHop(
        ttl, new ArrayList<>(interfaces), edges, perPacket, destination, probes, silent);
  }
}
