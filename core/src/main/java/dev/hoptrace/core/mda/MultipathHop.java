package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.List;

/**
 * What a multipath trace found at one TTL.
 *
 * @param ttl the TTL probed
 * @param interfaces addresses that answered at this TTL, in the order found (the destination
 *     included when it answered here)
 * @param links edges into this hop, with the flows seen on each
 * @param perPacket a flow probed again here came back from a different interface: some balancer
 *     before this hop spreads packets, not flows, so the flow-based edges out of this hop (and past
 *     it, until the paths meet again) show where one probe went, not a fixed path
 * @param destination the destination answered at this TTL
 * @param probes probes sent at this TTL
 * @param silent probes at this TTL that got no answer
 */
public record MultipathHop(
    int ttl,
    List<InetAddress> interfaces,
    List<Link> links,
    boolean perPacket,
    boolean destination,
    int probes,
    int silent) {
  public MultipathHop {
    interfaces = List.copyOf(interfaces);
    links = List.copyOf(links);
  }
}
