package dev.hoptrace.sim;

import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.net.RawQuote;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.SynSequence;
import dev.hoptrace.packet.Tcp;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpMessage;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import dev.hoptrace.packet.quote.QuotedIcmp;
import dev.hoptrace.packet.quote.QuotedProbe;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Decodes the bytes that reached a session into a {@link Reply}, with the packet module, seeing
 * what the session kind would see. A raw session reads the whole ICMP message (IPv4: from the IP
 * header; IPv6: from the ICMPv6 header, source and hop limit as {@code recvmsg} gives them) and
 * recovers the key from the quote, quoted IP header included. An unprivileged session gets what
 * the kernel's error queue keeps: type, code, offender, MTU, extensions and the reply's TTL, with
 * the key of the socket the error arrived on (ping sockets: the quoted echo sequence), and never
 * the quoted IP header. A Paris UDP session has one socket for all its probes: the key then comes
 * from the quoted payload (the error queue strips the UDP header), see {@link
 * dev.hoptrace.packet.ParisChecksum#udpIdentity}.
 */
final class ReplyReader {
  private final Protocol protocol;
  private final boolean raw;
  private final int ident;
  private final InetAddress destination;
  private final ProbeBuilder builder;
  private final InetAddress source;

  ReplyReader(Protocol protocol, boolean raw, int ident, InetAddress destination,
      ProbeBuilder builder, InetAddress source) {
    this.protocol = protocol;
    this.raw = raw;
    this.ident = ident;
    this.destination = destination;
    this.builder = builder;
    this.source = source;
  }

  /**
   * A decoded packet.
   *
   * @param reply the reply, or null when the packet answers nothing of this session (foreign)
   * @param extensionProblem why the reply's RFC 4884 extensions were dropped (it is kept)
   */
  record Read(Reply reply, Optional<String> extensionProblem) {}

  /** @param socketKey the key of the socket the packet arrived on (unprivileged UDP and TCP) */
  Read read(byte[] b, WireKey socketKey, long at) throws MalformedPacketException {
    boolean v6 = b.length > 0 && (b[0] & 0xf0) == 0x60;
    IpHeader outer = v6 ? Ipv6Header.decode(b, 0, b.length) : Ipv4Header.decode(b, 0, b.length);
    if (outer.nextProtocol() == Datagram.TCP) {
      return new Read(tcp(b, outer, socketKey, at), Optional.empty());
    }
    IcmpMessage msg = v6
        ? IcmpMessageDecoder.decodeIcmpV6(b, Ipv6Header.LENGTH, b.length - Ipv6Header.LENGTH)
        : IcmpMessageDecoder.decodeIpv4Packet(b, 0, b.length);
    Reply reply = icmp(b, outer, msg, socketKey, at);
    return new Read(reply, reply == null ? Optional.empty() : msg.extensionProblem());
  }

  private Reply icmp(byte[] b, IpHeader outer, IcmpMessage msg, WireKey socketKey, long at) {
    boolean v6 = outer.version() == 6;
    InetAddress from = outer.source();
    int ttl = outer.hopLimit();
    if (msg.isEchoReply()) {
      if (protocol != Protocol.ICMP || (raw && msg.echoIdentifier().orElse(-1) != ident)) {
        return null;
      }
      return new Reply(new WireKey(0, 0, msg.echoSequence().getAsInt()), Optional.empty(), from,
          ReplyKind.ECHO_REPLY, msg.type(), msg.code(), 0, ttl, at, Optional.empty(),
          msg.extensions());
    }
    if (msg.quote().isEmpty()) {
      return null;
    }
    QuotedProbe quote = msg.quote().get();
    WireKey key = raw ? RawQuote.key(protocol, ident, source, quote)
        : protocol == Protocol.ICMP ? keyOf(quote)
        : socketKey != null ? socketKey : quotedPayloadKey(b, msg, quote);
    if (key == null || (raw && !quote.ip().destination().equals(destination))) {
      return null;
    }
    ReplyKind kind = ReplyKind.ofIcmp(v6, msg.type(), msg.code());
    int mtu = kind == ReplyKind.PACKET_TOO_BIG ? msg.mtu().orElse(0) : 0;
    Optional<QuotedIpHeader> quotedIp =
        raw ? Optional.of(RawQuote.header(quote, source)) : Optional.empty();
    return new Reply(key, Optional.of(quote.ip().destination()), from, kind, msg.type(),
        msg.code(), mtu, ttl, at, quotedIp, msg.extensions());
  }

  /** The identity a ping socket's quote carries (raw sessions: {@link RawQuote#key}). */
  private static WireKey keyOf(QuotedProbe quote) {
    return quote.transport() instanceof QuotedIcmp e && e.isEchoRequest()
        ? new WireKey(0, 0, e.echoSequence()) : null;
  }

  /**
   * One UDP socket for every probe (Paris): the key from what the error queue gives, the quoted
   * destination port ({@code msg_name}) and everything after the quoted UDP header, which the
   * kernel strips; null when that cannot be one of this session's probes.
   */
  private WireKey quotedPayloadKey(byte[] b, IcmpMessage msg, QuotedProbe quote) {
    if (!(quote.transport() instanceof QuotedUdp u) || u.sourcePort() != ident) {
      return null;
    }
    int start = quote.location().offset() + Udp.LENGTH;
    int end = msg.bodyOffset() + msg.bodyLength();
    if (start > end) {
      return null;
    }
    int identity = builder.udpIdentity(ident, u.destinationPort(), b, start, end - start);
    return identity < 0 ? null : new WireKey(ident, u.destinationPort(), identity);
  }

  /**
   * The destination's answer to a SYN. Raw: the key from the acknowledgment (sequence + 1).
   * Unprivileged: connect() succeeded or was refused on the probe's socket, with no TTL to read.
   */
  private Reply tcp(byte[] b, IpHeader outer, WireKey socketKey, long at)
      throws MalformedPacketException {
    Tcp segment = Tcp.decode(b, outer.headerLength(), b.length - outer.headerLength());
    if (protocol != Protocol.TCP || !outer.source().equals(destination)) {
      return null;
    }
    ReplyKind kind;
    if (segment.has(Tcp.RST)) {
      kind = ReplyKind.TCP_REFUSED;
    } else if (segment.has(Tcp.SYN | Tcp.ACK)) {
      kind = ReplyKind.TCP_OPEN;
    } else {
      return null;
    }
    WireKey key = raw
        ? new WireKey(ident, segment.sourcePort(),
            SynSequence.fromAck(segment.acknowledgment(), builder.synsCarryData()))
        : socketKey;
    return new Reply(key, Optional.of(destination), outer.source(), kind, -1, -1, 0,
        raw ? outer.hopLimit() : -1, at, Optional.empty(), IcmpExtensions.NONE);
  }
}
