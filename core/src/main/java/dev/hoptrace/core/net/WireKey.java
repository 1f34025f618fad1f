package dev.hoptrace.core.net;

/**
 * The identity of a probe as a reply quotes it back. A session builds the key of a sent probe and
 * the key of a reply's quote the same way, so equal keys mean "this reply is for that probe".
 * Fields a socket kind does not use are 0.
 *
 * @param srcPort the probe's source port (UDP/TCP)
 * @param dstPort the probe's destination port (UDP/TCP)
 * @param sequence the ICMP echo sequence, or the TCP sequence number, or 0
 */
public record WireKey(int srcPort, int dstPort, long sequence) {}
