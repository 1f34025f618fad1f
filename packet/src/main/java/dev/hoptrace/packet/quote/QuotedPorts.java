package dev.hoptrace.packet.quote;

/**
 * The ports of a quoted UDP or TCP header when fewer than 8 of its bytes were quoted (shorter
 * than RFC 792 asks, but ports are still enough to match a probe).
 */
public record QuotedPorts(int protocol, int sourcePort, int destinationPort)
    implements QuotedTransport {}
