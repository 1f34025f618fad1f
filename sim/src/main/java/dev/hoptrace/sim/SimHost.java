package dev.hoptrace.sim;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.Tcp;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.scenario.DestinationBehaviour;
import dev.hoptrace.scenario.Unreachable;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a Linux host's stack answers to a probe addressed to it: UDP gets Port Unreachable (or
 * nothing, or administratively prohibited), an echo request gets an echo reply, a SYN gets a
 * SYN-ACK or a RST per port. The destination is such a host; so is a router traced directly.
 */
final class SimHost {
  private static final int TCP_WINDOW = 64240;

  private final DestinationBehaviour behaviour;
  private final IcmpResponder errors;
  private final SplittableRandom random;
  private int ipId;

  SimHost(DestinationBehaviour behaviour, IcmpResponder errors, long salt) {
    this.behaviour = behaviour;
    this.errors = errors;
    this.random = new SplittableRandom(salt);
    this.ipId = random.nextInt(0x10000);
  }

  /** The answer to {@code p}, sent from {@code self} (the address it was sent to), or null. */
  byte[] answer(byte[] p, InetAddress self) {
    return answer(p, self, self);
  }

  /**
   * The answer to {@code p}: echo replies and TCP answers from {@code self}, ICMP errors (Port
   * Unreachable, a reject) from {@code errorsFrom}. The two differ for an IPv6 address that is
   * local only by a prefix route (AnyIP): Linux's {@code icmp6_send} answers from the probed
   * address only when an interface has it, else from the interface's own (checked on 6.18);
   * IPv4's {@code icmp_send} takes the probed address of any local route.
   */
  byte[] answer(byte[] p, InetAddress self, InetAddress errorsFrom) {
    int t = Datagram.headerLength(p);
    int protocol = Datagram.protocol(p);
    if (protocol == Datagram.UDP) {
      return switch (behaviour.udp()) {
        case PORT_UNREACHABLE -> errors.unreachable(p, errorsFrom, Unreachable.PORT.icmpV4Code,
            Unreachable.PORT.icmpV6Code);
        case ADMIN_PROHIBITED -> errors.unreachable(p, errorsFrom, Unreachable.ADMIN.icmpV4Code,
            Unreachable.ADMIN.icmpV6Code);
        case SILENT -> null;
      };
    }
    if (Datagram.icmp(p) && t + 8 <= p.length) {
      int type = p[t] & 0xff;
      boolean echo = type == (Datagram.v6(p) ? IcmpV6.ECHO_REQUEST : IcmpV4.ECHO_REQUEST);
      return echo && behaviour.icmp() ? echoReply(p, t, self) : null;
    }
    if (protocol == Datagram.TCP && t + Tcp.MIN_LENGTH <= p.length) {
      int flags = p[t + 13] & 0xff;
      if ((flags & (Tcp.SYN | Tcp.ACK | Tcp.RST)) != Tcp.SYN) {
        return null; // only a fresh SYN is answered; the rest of a handshake is not modelled
      }
      return switch (behaviour.tcp(Wire.u16(p, t + 2))) {
        case OPEN -> tcpAnswer(p, t, self, Tcp.SYN | Tcp.ACK, random.nextLong(1L << 32));
        case REFUSED -> tcpAnswer(p, t, self, Tcp.RST | Tcp.ACK, 0);
        case SILENT -> null;
      };
    }
    return null;
  }

  private byte[] echoReply(byte[] p, int t, InetAddress self) {
    byte[] data = Arrays.copyOfRange(p, t + 8, p.length);
    int rest = Wire.i32(p, t + 4);
    InetAddress peer = Datagram.source(p);
    if (self instanceof Inet6Address s6) {
      return ip(self, peer, Datagram.ICMPV6, Datagram.tos(p), false,
          IcmpV6.encode(s6, (Inet6Address) peer, IcmpV6.ECHO_REPLY, 0, rest, data));
    }
    return ip(self, peer, Datagram.ICMP, Datagram.tos(p), false,
        IcmpV4.encode(IcmpV4.ECHO_REPLY, 0, rest, data));
  }

  private byte[] tcpAnswer(byte[] p, int t, InetAddress self, int flags, long sequence) {
    boolean synAck = (flags & Tcp.SYN) != 0;
    // A SYN-ACK acknowledges the SYN alone (data in a SYN waits for the handshake); a RST
    // acknowledges the whole segment, data too (RFC 793 §3.4: ACK = SEG.SEQ + SEG.LEN).
    int data = synAck ? 0 : Math.max(0, p.length - t - ((p[t + 12] & 0xf0) >>> 2));
    long ack = (Wire.u32(p, t + 4) + 1 + data) & 0xffffffffL;
    InetAddress peer = Datagram.source(p);
    // A SYN-ACK carries an MSS option as Linux's does; a RST carries none.
    byte[] options = synAck ? new byte[] {2, 4, (byte) 0x05, (byte) 0xb4} : new byte[0];
    Tcp segment = new Tcp(Wire.u16(p, t + 2), Wire.u16(p, t), sequence, ack, 0, flags,
        synAck ? TCP_WINDOW : 0, 0, 0, options);
    return ip(self, peer, Datagram.TCP, 0, true, segment.encode(self, peer, new byte[0]));
  }

  private byte[] ip(InetAddress src, InetAddress dst, int protocol, int tos, boolean df,
      byte[] payload) {
    if (src instanceof Inet6Address s6) {
      return new Ipv6Header(tos, 0, payload.length, protocol, IcmpResponder.INITIAL_TTL, s6,
          (Inet6Address) dst).encodeWith(payload);
    }
    ipId = (ipId + 1) & 0xffff;
    return new Ipv4Header(tos, Ipv4Header.MIN_LENGTH + payload.length, df ? 0 : ipId,
        df ? Ipv4Header.FLAG_DF : 0, 0, IcmpResponder.INITIAL_TTL, protocol, 0,
        (Inet4Address) src, (Inet4Address) dst, 0).encodeWith(payload);
  }
}
