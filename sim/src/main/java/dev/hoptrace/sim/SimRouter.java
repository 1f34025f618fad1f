package dev.hoptrace.sim;

import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.DestinationBehaviour;
import dev.hoptrace.scenario.Filter;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.RouterBehaviour;
import dev.hoptrace.scenario.Unreachable;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Linux router's forwarding path, in the kernel's order: conntrack translates replies back
 * (PREROUTING), the route is looked up (none: Net Unreachable), a TTL of 1 or less expires (Time
 * Exceeded from the inbound interface's address), the next hop is chosen (per flow or per packet
 * among equal-cost ones), a packet too big for the next link is refused unless IPv4 may fragment,
 * the TTL is decremented, the filter drops or rejects (FORWARD, so a reject quotes the decremented
 * packet), the DSCP is re-marked, the source is masqueraded or rewritten (POSTROUTING) and the
 * packet goes out. A stateless NAT rewrites what is addressed to its outside addresses toward the
 * client first (PREROUTING).
 */
final class SimRouter implements SimNode {
  private final Internet net;
  private final String name;
  private final RouterBehaviour behaviour;
  private final IcmpResponder errors;
  private final SimHost host;
  private final Masquerade nat;
  private final StatelessNat stateless;
  private final long salt;
  private final Map<String, List<Link>> nextHops = new HashMap<>();
  private int turn;

  SimRouter(Internet net, Node node, long salt) {
    this.net = net;
    this.name = node.name();
    this.behaviour = node.router();
    this.salt = salt;
    this.errors = new IcmpResponder(behaviour, net.clock, salt);
    this.host = new SimHost(DestinationBehaviour.DEFAULT, errors, salt);
    this.nat = behaviour.nat() == RouterBehaviour.Nat.MASQUERADE
        ? new Masquerade(net.clock, salt) : null;
    this.stateless = behaviour.nat() == RouterBehaviour.Nat.STATELESS
        ? StatelessNat.forClientOf(net.scenario) : null;
  }

  /** The NAT table, for tests; null without masquerade. */
  Masquerade nat() {
    return nat;
  }

  @Override
  public void arrive(byte[] p, Link via) {
    if (stateless != null && !links(net.scenario.client().name()).contains(via)) {
      stateless.inbound(p, AddressPlan.of(via, name, Datagram.v6(p)));
    }
    String owner = net.ownerOf(Datagram.destination(p));
    InetAddress inbound = AddressPlan.of(via, name, Datagram.v6(p));
    if (name.equals(owner) && net.inOwnedPrefix(name, Datagram.destination(p))) {
      ownedPrefix(p, inbound);
      return;
    }
    if (name.equals(owner)) {
      if (nat == null || !nat.inbound(p)) {
        originate(host.answer(p, Datagram.destination(p)));
        return;
      }
      owner = net.ownerOf(Datagram.destination(p));
    }
    if (owner == null) {
      originate(errors.unreachable(p, inbound, Unreachable.NET.icmpV4Code,
          Unreachable.NET.icmpV6Code));
      return;
    }
    if (Datagram.ttl(p) <= 1) {
      originate(errors.timeExceeded(p, inbound));
      return;
    }
    Link out = choose(owner, p);
    if (out == null) {
      return;
    }
    if (p.length > out.mtu() && !Datagram.mayFragment(p)) {
      originate(errors.tooBig(p, inbound, out.mtu()));
      return;
    }
    Datagram.decrementTtl(p);
    // As the lab's nft rule matches: whatever leaves by a link toward the destination.
    boolean towardDestination = links(net.destinationName()).contains(out);
    Filter filter = behaviour.filter();
    if (towardDestination && filter.kind() != Filter.Kind.NONE) {
      if (filter.kind() == Filter.Kind.REJECT) {
        originate(errors.unreachable(p, inbound, filter.reject().icmpV4Code,
            filter.reject().icmpV6Code));
      }
      return;
    }
    if (towardDestination && behaviour.dscp().isPresent()) {
      Datagram.setDscp(p, behaviour.dscp().getAsInt());
    }
    if (nat != null && leavesInside(via, out)) {
      nat.outbound(p, AddressPlan.of(out, name, Datagram.v6(p)));
    }
    if (stateless != null && leavesInside(via, out)) {
      stateless.outbound(p, AddressPlan.of(out, name, Datagram.v6(p)));
    }
    net.transmit(name, out, p);
  }

  /**
   * A probe for an address of a prefix this router owns: answered as a host (AnyIP, local
   * whatever its TTL), dropped (silent hosts), or, when nobody is there, forwarded toward the
   * prefix in the kernel's order (Time Exceeded first) and refused with Host Unreachable by the
   * forward hook, quoting the decremented packet.
   */
  private void ownedPrefix(byte[] p, InetAddress inbound) {
    InetAddress to = Datagram.destination(p);
    switch (net.scenario.node(name).owned().hosts()) {
      case ANSWER -> originate(host.answer(p, to, Datagram.v6(p) ? inbound : to));
      case SILENT -> { }
      case UNREACHABLE -> {
        if (Datagram.ttl(p) <= 1) {
          originate(errors.timeExceeded(p, inbound));
          return;
        }
        Datagram.decrementTtl(p);
        originate(errors.unreachable(p, inbound, Unreachable.HOST.icmpV4Code,
            Unreachable.HOST.icmpV6Code));
      }
    }
  }

  /** Inside is the client's side: a packet from there going anywhere else is masqueraded. */
  private boolean leavesInside(Link via, Link out) {
    List<Link> towardClient = links(net.scenario.client().name());
    return towardClient.contains(via) && !towardClient.contains(out);
  }

  /** Sends a packet this router made itself (an ICMP error, an answer); no TTL is spent. */
  private void originate(byte[] packet) {
    if (packet == null) {
      return;
    }
    String owner = net.ownerOf(Datagram.destination(packet));
    if (owner == null || owner.equals(name)) {
      return;
    }
    Link out = choose(owner, packet);
    if (out != null) {
      net.transmit(name, out, packet);
    }
  }

  private Link choose(String owner, byte[] p) {
    List<Link> next = links(owner);
    if (next.size() <= 1) {
      return next.isEmpty() ? null : next.getFirst();
    }
    if (behaviour.balancing() == RouterBehaviour.Balancing.PER_PACKET) {
      return next.get(Integer.remainderUnsigned(turn++, next.size()));
    }
    return next.get(FlowHash.choose(p, salt, next.size()));
  }

  private List<Link> links(String owner) {
    return nextHops.computeIfAbsent(owner, o -> net.routes.nextHopsToward(name, o).stream()
        .map(n -> net.scenario.linkBetween(name, n).orElseThrow()).toList());
  }
}
