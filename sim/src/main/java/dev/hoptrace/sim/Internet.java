package dev.hoptrace.sim;

import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The nodes and links of one scenario and the packets in flight between them: a discrete-event
 * simulation whose only events are packet arrivals, in virtual time. Sessions drive it by asking
 * for the next arrival before a deadline; nothing runs on its own thread.
 */
final class Internet {
  final Scenario scenario;
  final Routes routes;
  final VirtualClock clock;
  final long seed;
  final ClientStack client;
  private final String destination;
  private final PriorityQueue<Arrival> events = new PriorityQueue<>();
  private final Map<String, SimNode> nodes = new HashMap<>();
  private final Map<InetAddress, String> owners = new HashMap<>();
  private final LinkModel[] fromA;
  private final LinkModel[] fromB;
  private long order;
  private long arrivals;

  Internet(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.routes = Routes.of(scenario);
    this.clock = new VirtualClock(0);
    this.seed = seed;
    this.destination = scenario.destination().name();
    int links = scenario.links().size();
    this.fromA = new LinkModel[links + 1];
    this.fromB = new LinkModel[links + 1];
    for (Link link : scenario.links()) {
      fromA[link.index()] = new LinkModel(link, true, seed);
      fromB[link.index()] = new LinkModel(link, false, seed);
      for (String end : new String[] {link.a(), link.b()}) {
        owners.put(AddressPlan.ipv4(link, end), end);
        owners.put(AddressPlan.ipv6(link, end), end);
      }
    }
    ClientStack stack = null;
    for (Node node : scenario.nodes().values()) {
      node.router().replyFromV4().ifPresent(a -> owners.put(a, node.name()));
      node.router().replyFromV6().ifPresent(a -> owners.put(a, node.name()));
      long salt = salt(node.name());
      SimNode sim = switch (node.role()) {
        case CLIENT -> stack = new ClientStack(this, node.name(), salt);
        case ROUTER -> new SimRouter(this, node, salt);
        case DESTINATION -> new SimDestination(this, node, salt);
      };
      nodes.put(node.name(), sim);
    }
    this.client = stack;
  }

  /** A per-node seed: hashing salt, first IP ID, first port. */
  long salt(String node) {
    return FlowHash.finish(seed ^ node.hashCode() * 0x9e3779b97f4a7c15L);
  }

  String destinationName() {
    return destination;
  }

  /**
   * The node an address belongs to (a link or reply-from address, or one of a prefix a node
   * owns), or null when no node has it (no route anywhere).
   */
  String ownerOf(InetAddress address) {
    String owner = owners.get(address);
    return owner != null ? owner : scenario.prefixOwner(address).map(Node::name).orElse(null);
  }

  /** Whether {@code address} is one of a prefix {@code node} owns (not a configured address). */
  boolean inOwnedPrefix(String node, InetAddress address) {
    return !owners.containsKey(address) && scenario.node(node).owned().contains(address);
  }

  /** Puts {@code packet} on {@code link} from {@code from}; the link may lose or delay it. */
  void transmit(String from, Link link, byte[] packet) {
    LinkModel model = link.a().equals(from) ? fromA[link.index()] : fromB[link.index()];
    long crossing = model.crossing();
    if (crossing == LinkModel.LOST) {
      return;
    }
    events.add(new Arrival(clock.now() + crossing, order++, nodes.get(link.other(from)), link,
        packet));
  }

  /**
   * Processes the next arrival if it happens no later than {@code deadline} and returns true;
   * otherwise moves the clock to the deadline and returns false.
   */
  boolean step(long deadline) {
    Arrival next = events.peek();
    if (next == null || next.at() > deadline) {
      clock.advanceTo(deadline);
      return false;
    }
    events.poll();
    clock.advanceTo(next.at());
    arrivals++;
    next.node().arrive(next.packet(), next.via());
    return true;
  }

  /** Packet arrivals processed so far (one per link crossed). */
  long arrivals() {
    return arrivals;
  }

  /** Packets on the wires right now. */
  int inFlight() {
    return events.size();
  }
}
