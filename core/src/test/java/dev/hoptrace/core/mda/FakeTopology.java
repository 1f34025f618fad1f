package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A load-balanced network for the multipath algorithms, pure and seeded. Written as edges between
 * named routers, "S>A A>B A>C B>D C>D D>T": S is the source (not a hop), T the destination. A
 * router with several next hops picks one per flow by a hash of (flow, router, seed), or per packet
 * at random when marked so; silent routers forward without answering; a router with no next hop
 * ends the path silently.
 */
final class FakeTopology {
  private final Map<String, List<String>> next = new LinkedHashMap<>();
  private final Map<String, List<String>> previous = new HashMap<>();
  private final Map<String, InetAddress> addresses = new LinkedHashMap<>();
  private final Map<InetAddress, String> names = new HashMap<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final Set<String> silent = new HashSet<>();
  private final Set<String> perPacket = new HashSet<>();

  private FakeTopology(String edges) {
    for (String edge : edges.trim().split("\\s+")) {
      String[] ends = edge.split(">");
      node(ends[0]);
      node(ends[1]);
      next.get(ends[0]).add(ends[1]);
      previous.get(ends[1]).add(ends[0]);
    }
  }

  static FakeTopology of(String edges) {
    return new FakeTopology(edges);
  }

  FakeTopology silent(String... routers) {
    silent.addAll(List.of(routers));
    return this;
  }

  FakeTopology perPacket(String... routers) {
    perPacket.addAll(List.of(routers));
    return this;
  }

  /** A prober over this network; {@code seed} fixes the flow hash and the per-packet choices. */
  Prober prober(long seed) {
    return new Prober(seed);
  }

  /** Names of the interfaces that can answer: every router but the silent ones, and T. */
  Set<String> interfaces() {
    Set<String> all = new TreeSet<>(addresses.keySet());
    all.remove("S");
    all.removeAll(silent);
    return all;
  }

  /** Edges "A>B" between answering interfaces, silent routers in between skipped. */
  Set<String> edges() {
    Set<String> all = new TreeSet<>();
    for (String to : interfaces()) {
      for (String from : previous.get(to)) {
        answeringBefore(from).forEach(before -> all.add(before + ">" + to));
      }
    }
    return all;
  }

  /** Routers with more than one next hop: each is one test of the stopping rule. */
  int branchingPoints() {
    return (int) next.values().stream().filter(out -> out.size() > 1).count();
  }

  Set<String> names(Iterable<InetAddress> found) {
    Set<String> all = new TreeSet<>();
    found.forEach(address -> all.add(names.get(address)));
    return all;
  }

  Set<String> edgeNames(List<Link> links) {
    Set<String> all = new TreeSet<>();
    links.forEach(link -> all.add(names.get(link.from()) + ">" + names.get(link.to())));
    return all;
  }

  InetAddress address(String name) {
    return addresses.get(name);
  }

  private Set<String> answeringBefore(String router) {
    if (router.equals("S")) {
      return Set.of();
    }
    if (!silent.contains(router)) {
      return Set.of(router);
    }
    Set<String> all = new LinkedHashSet<>();
    previous.get(router).forEach(before -> all.addAll(answeringBefore(before)));
    return all;
  }

  private void node(String name) {
    if (addresses.containsKey(name)) {
      return;
    }
    int id = addresses.size();
    byte[] bytes = {10, 0, (byte) (id / 250), (byte) (id % 250 + 1)};
    try {
      InetAddress address = InetAddress.getByAddress(bytes);
      addresses.put(name, address);
      names.put(address, name);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
    ids.put(name, id);
    next.put(name, new ArrayList<>());
    previous.put(name, new ArrayList<>());
  }

  /** Answers probes as the network would; counts what it was sent. */
  final class Prober implements FlowProber {
    private final long seed;
    private final SplittableRandom random;
    private int probes;
    private int batches;

    private Prober(long seed) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
    }

    @Override
    public Map<Integer, Answer> probe(int ttl, List<Integer> flows) {
      if (ttl < 1 || flows.isEmpty() || new HashSet<>(flows).size() != flows.size()) {
        throw new AssertionError("bad batch at TTL " + ttl + ": " + flows);
      }
      probes += flows.size();
      batches++;
      Map<Integer, Answer> answers = new HashMap<>();
      for (int flow : flows) {
        answers.put(flow, route(flow, ttl));
      }
      return answers;
    }

    int probes() {
      return probes;
    }

    int batches() {
      return batches;
    }

    private Answer route(int flow, int ttl) {
      String at = "S";
      for (int hop = 1; hop <= ttl; hop++) {
        if (at.equals("T")) {
          return new Answer.Destination(addresses.get("T"));
        }
        List<String> out = next.get(at);
        if (out.isEmpty()) {
          return Answer.SILENT;
        }
        at = out.get(pick(at, flow, out.size()));
      }
      if (at.equals("T")) {
        return new Answer.Destination(addresses.get("T"));
      }
      return silent.contains(at) ? Answer.SILENT : new Answer.Router(addresses.get(at));
    }

    private int pick(String router, int flow, int choices) {
      if (choices == 1) {
        return 0;
      }
      if (perPacket.contains(router)) {
        return random.nextInt(choices);
      }
      // Small inputs spread by odd constants first: the finaliser alone leaves nearby inputs
      // correlated in their low bits.
      long spread = mix(seed * 0x9e3779b97f4a7c15L + flow);
      long hash = mix(spread * 0xc2b2ae3d27d4eb4fL + ids.get(router));
      return (int) Long.remainderUnsigned(hash, choices);
    }
  }

  /** SplitMix64's finaliser: every input bit moves every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
