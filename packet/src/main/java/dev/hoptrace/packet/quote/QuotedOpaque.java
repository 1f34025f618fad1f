package dev.hoptrace.packet.quote;

/**
 * Quoted transport bytes that are not decoded: an unknown protocol, a quote too short for the
 * fields that identify a probe, a non-first fragment, or an IPv6 extension header chain cut
 * short.
 *
 * @param available bytes quoted from where the transport header would start (may be 0)
 */
public record QuotedOpaque(int protocol, int available) implements QuotedTransport {}
