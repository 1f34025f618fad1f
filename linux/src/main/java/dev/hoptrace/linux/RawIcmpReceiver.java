package dev.hoptrace.linux;

import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.RawQuote;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.icmp.IcmpMessage;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import dev.hoptrace.packet.quote.QuotedProbe;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Reads the raw ICMP / ICMPv6 socket of a raw session. The kernel-side BPF filter already keeps
 * other traces out; every packet is checked again here (identity, protocol, quoted destination)
 * before it becomes a {@link Reply}, and anything else is reported as dropped.
 */
final class RawIcmpReceiver implements SessionCore.ReadySocket {
  private final SessionCore core;
  private final int fd;
  private final Protocol protocol;
  private final int ident;
  private final boolean ipv6;
  private final InetAddress source;

  RawIcmpReceiver(SessionCore core, int fd, Protocol protocol, int ident, InetAddress source) {
    this.core = core;
    this.fd = fd;
    this.protocol = protocol;
    this.ident = ident;
    this.ipv6 = core.setup.ipv6();
    this.source = source;
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    for (int i = 0; i < 64; i++) {
      Received packet = core.reader.read(fd, false);
      if (packet == null) {
        return;
      }
      try {
        IcmpMessage msg = message(packet);
        Reply reply = decode(msg, packet, wokeAt);
        if (reply != null) {
          sink.accept(reply);
          // Kept without its extension (RFC 4884 §5), as the error queue does; still counted.
          msg.extensionProblem().ifPresent(p -> sink.malformed("ICMP extension dropped: " + p));
        } else {
          sink.foreign("raw ICMP packet that is not for this trace (identity " + ident + ")");
        }
      } catch (MalformedPacketException e) {
        sink.malformed("malformed ICMP packet: " + e.getMessage());
      }
    }
  }

  private IcmpMessage message(Received packet) throws MalformedPacketException {
    byte[] b = packet.payload();
    return ipv6
        ? IcmpMessageDecoder.decodeIcmpV6(b, 0, b.length)
        : IcmpMessageDecoder.decodeIpv4Packet(b, 0, b.length);
  }

  /** The reply, or null when the packet is not ours. */
  Reply decode(IcmpMessage msg, Received packet, long fallbackTime) {
    InetAddress responder;
    int replyTtl;
    if (msg.outer().isPresent()) {
      responder = msg.outer().get().source();
      replyTtl = msg.outer().get().hopLimit();
    } else if (packet.name() != null) {
      responder = packet.name().getAddress();
      replyTtl = packet.ancillary().ttl();
    } else {
      return null;
    }
    long at = packet.ancillary().kernelTime() > 0 ? packet.ancillary().kernelTime() : fallbackTime;
    if (msg.isEchoReply()) {
      if (protocol != Protocol.ICMP || msg.echoIdentifier().orElse(-1) != ident
          || !responder.equals(core.spec.destination())) {
        return null;
      }
      return new Reply(new WireKey(0, 0, msg.echoSequence().getAsInt()), Optional.empty(),
          responder, ReplyKind.ECHO_REPLY, msg.type(), msg.code(), 0, replyTtl, at,
          Optional.empty(), msg.extensions());
    }
    if (msg.quote().isEmpty()) {
      return null;
    }
    QuotedProbe quote = msg.quote().get();
    WireKey key = RawQuote.key(protocol, ident, source, quote);
    if (key == null || !quote.ip().destination().equals(core.spec.destination())) {
      return null;
    }
    ReplyKind kind = ReplyKind.ofIcmp(ipv6, msg.type(), msg.code());
    return new Reply(key, Optional.of(quote.ip().destination()), responder, kind, msg.type(),
        msg.code(), kind == ReplyKind.PACKET_TOO_BIG ? msg.mtu().orElse(0) : 0, replyTtl, at,
        Optional.of(RawQuote.header(quote, source)), msg.extensions());
  }
}
