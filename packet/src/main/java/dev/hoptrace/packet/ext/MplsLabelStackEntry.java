package dev.hoptrace.packet.ext;

/**
 * One entry of an MPLS label stack as a router reports it in an ICMP extension (RFC 4950 §7).
 *
 * @param label the 20-bit label
 * @param trafficClass the 3-bit traffic class (formerly EXP)
 * @param bottomOfStack the S bit
 * @param ttl the label TTL
 */
public record MplsLabelStackEntry(int label, int trafficClass, boolean bottomOfStack, int ttl) {}
