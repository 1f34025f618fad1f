package dev.hoptrace.linux;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.SynSequence;
import dev.hoptrace.packet.Tcp;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Reads the raw TCP socket of a raw TCP session: the destination's SYN-ACK (port open) or RST
 * (closed) to our reserved port. Both acknowledge the probe's sequence + 1, which gives the key
 * ({@link SynSequence} for SYNs that carry data).
 */
final class RawTcpReceiver implements SessionCore.ReadySocket {
  private final SessionCore core;
  private final int fd;
  private final int ident;
  private final boolean ipv6;

  RawTcpReceiver(SessionCore core, int fd, int ident) {
    this.core = core;
    this.fd = fd;
    this.ident = ident;
    this.ipv6 = core.setup.ipv6();
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    for (int i = 0; i < 64; i++) {
      Received packet = core.reader.read(fd, false);
      if (packet == null) {
        return;
      }
      try {
        Reply reply = decode(packet, wokeAt);
        if (reply != null) {
          sink.accept(reply);
        } else {
          sink.foreign("TCP segment that is not an answer to this trace's SYN");
        }
      } catch (MalformedPacketException e) {
        sink.malformed("malformed TCP segment: " + e.getMessage());
      }
    }
  }

  private Reply decode(Received packet, long fallbackTime) throws MalformedPacketException {
    byte[] b = packet.payload();
    int offset = 0;
    InetAddress from;
    int ttl;
    if (ipv6) {
      if (packet.name() == null) {
        return null;
      }
      from = packet.name().getAddress();
      ttl = packet.ancillary().ttl();
    } else {
      Ipv4Header ip = Ipv4Header.decode(b, 0, b.length);
      from = ip.source();
      ttl = ip.ttl();
      offset = ip.headerLength();
    }
    Tcp tcp = Tcp.decode(b, offset, b.length - offset);
    if (tcp.destinationPort() != ident || !from.equals(core.spec.destination())) {
      return null;
    }
    ReplyKind kind;
    if (tcp.has(Tcp.RST)) {
      kind = ReplyKind.TCP_REFUSED;
    } else if (tcp.has(Tcp.SYN) && tcp.has(Tcp.ACK)) {
      kind = ReplyKind.TCP_OPEN;
    } else {
      return null;
    }
    long sequence = SynSequence.fromAck(tcp.acknowledgment(), core.spec.discoverMtu());
    long at = packet.ancillary().kernelTime() > 0 ? packet.ancillary().kernelTime() : fallbackTime;
    return new Reply(new WireKey(ident, tcp.sourcePort(), sequence),
        Optional.of(core.spec.destination()), from, kind, -1, -1, 0, ttl, at, Optional.empty(),
        IcmpExtensions.NONE);
  }
}
