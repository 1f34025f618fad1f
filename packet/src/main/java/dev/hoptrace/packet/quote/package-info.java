/**
 * The original datagram an ICMP error quotes, decoded as far as the quote reaches: the reply
 * matcher's view of the probe.
 */
package dev.hoptrace.packet.quote;
