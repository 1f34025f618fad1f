package dev.hoptrace.packet.ext;

/**
 * An RFC 4884 extension object that hoptrace does not interpret: kept as its class, C-type and
 * payload so it can be shown as traceroute -e does.
 */
public record ExtensionObject(int classNum, int cType, byte[] payload) {}
