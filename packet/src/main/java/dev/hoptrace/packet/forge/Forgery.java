package dev.hoptrace.packet.forge;

/**
 * One kind of lie a {@link Forger} on the wire tells the host next to it. The first
 * kinds answer each probe it sees with an ICMP error that quotes a plausible probe, but not
 * that one; the others send a broken copy of each real ICMP error ahead of it, in this order (a
 * tracer that closes a probe's socket at its first answer sees the copies up to the first it
 * keeps). None of them
 * may ever make the liar a hop in a trace: a tracer tells them apart from real answers or drops
 * them. (A lie that quotes the probe exactly, from an address on the path, is indistinguishable
 * from the truth for any tracer; the forger tells none.)
 */
public enum Forgery {
  /**
   * Time Exceeded from the liar quoting the probe with another sequence (UDP destination port,
   * echo sequence, TCP sequence number), its identity (source port, echo identifier) kept.
   */
  WRONG_SEQUENCE,
  /** Port Unreachable from the probe's own destination, quoting it with another sequence. */
  WRONG_SEQUENCE_FROM_DESTINATION,
  /** Time Exceeded from the liar quoting the probe, right sequence, sent to another destination. */
  WRONG_DESTINATION,
  /** Time Exceeded from the liar quoting, exactly, a probe seen at least a few seconds earlier. */
  STALE,
  /** Time Exceeded from the liar quoting the probe's IP header and only 4 bytes after it. */
  TRUNCATED_QUOTE,
  /**
   * Time Exceeded from the liar quoting a Time Exceeded (from the client) that quotes the probe:
   * an error about an error, which no router sends (RFC 1812 §4.3.2.7, RFC 4443 §2.4(e)).
   */
  ERROR_QUOTING_ERROR,
  /** A copy of a real error, from the liar, with a wrong ICMP checksum. */
  BAD_CHECKSUM,
  /**
   * A copy of a real error, from the liar, whose outer IP length ends it 12 bytes into the
   * quoted IP header: the kernel cuts the packet there, and the ICMP checksum no longer fits.
   */
  LYING_IP_LENGTH,
  /**
   * A copy of a real error from the real router, with an MPLS extension whose checksum is wrong:
   * the reply is true, only its extension is broken.
   */
  BAD_EXTENSION_CHECKSUM,
  /** As {@link #BAD_EXTENSION_CHECKSUM}, with an extension object longer than its structure. */
  BAD_EXTENSION_SIZE,
  /**
   * A copy of a real error, from its real sender, whose RFC 4884 length attribute puts the
   * quote's end past the message's: true but for its (now unusable) extension.
   */
  LYING_ICMP_LENGTH,
  /**
   * A copy of a real error, from its real sender, whose quoted IP header says its datagram is
   * shorter than the header itself (IPv4) or carries nothing (IPv6). Unprivileged sockets cannot
   * see the quoted header: there it is the probe's answer, as a copy of a true one may be.
   */
  LYING_QUOTED_LENGTH;

  /** True for the kinds that answer probes; the rest mangle copies of real errors. */
  public boolean answersProbes() {
    return ordinal() <= ERROR_QUOTING_ERROR.ordinal();
  }
}
