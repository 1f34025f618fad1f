package dev.hoptrace.sim;

import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.OwnedPrefixes;
import java.net.InetAddress;

/** The host being traced to: it answers what is addressed to it and forwards nothing. */
final class SimDestination implements SimNode {
  private final Internet net;
  private final String name;
  private final SimHost host;

  SimDestination(Internet net, Node node, long salt) {
    this.net = net;
    this.name = node.name();
    this.host = new SimHost(node.destination(),
        new IcmpResponder(node.router(), net.clock, salt), salt);
  }

  @Override
  public void arrive(byte[] packet, Link via) {
    InetAddress to = Datagram.destination(packet);
    if (!name.equals(net.ownerOf(to))) {
      return; // hosts do not forward
    }
    byte[] answer;
    if (net.inOwnedPrefix(name, to)) {
      if (net.scenario.node(name).owned().hosts() != OwnedPrefixes.Hosts.ANSWER) {
        return; // silent hosts (a destination's prefix is never unreachable)
      }
      InetAddress own = AddressPlan.of(via, name, Datagram.v6(packet));
      answer = host.answer(packet, to, Datagram.v6(packet) ? own : to);
    } else {
      answer = host.answer(packet, to);
    }
    if (answer != null) {
      net.transmit(name, via, answer); // its only link
    }
  }
}
