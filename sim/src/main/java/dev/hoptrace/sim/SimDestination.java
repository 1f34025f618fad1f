package dev.hoptrace.sim;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
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
    byte[] answer = host.answer(packet, to);
    if (answer != null) {
      net.transmit(name, via, answer); // its only link
    }
  }
}
