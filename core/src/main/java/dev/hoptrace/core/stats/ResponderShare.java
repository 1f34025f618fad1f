package dev.hoptrace.core.stats;

import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;

/**
 * One address that answered at a hop and how many of the hop's replies came from it.
 *
 * @param address the responder
 * @param replies replies from this address
 * @param extensions the newest reply's ICMP extensions (MPLS labels, interface information)
 */
public record ResponderShare(InetAddress address, long replies, IcmpExtensions extensions) {}
