package dev.hoptrace.sim;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.ParisChecksum;
import dev.hoptrace.packet.SynSequence;
import dev.hoptrace.packet.Tcp;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.Wire;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Builds each probe as the bytes a Linux host puts on the wire for the session kind, and says
 * which {@link WireKey} its replies will be tied to (the same table as the {@code linux} module):
 *
 * <ul>
 *   <li>unprivileged UDP: the kernel's datagram from a fresh ephemeral port, DF clear
 *       ({@code IP_PMTUDISC_DONT}, as traceroute; with path MTU discovery every IPv4 probe gets
 *       DF from the session), key (local port, dst port, 0); Paris: from the
 *       session's one port, the payload chosen so that the kernel's checksum is the sequence, key
 *       (port, dst port, checksum);
 *   <li>ping socket: echo id = the socket's id, sequence = the probe's, DF clear, key (0, 0, seq);
 *       Paris: the checksum held by two payload bytes;
 *   <li>unprivileged TCP: the kernel's SYN (MSS, SACK, timestamps, window scale; random ISN; DF
 *       set) from a fresh port, key (local port, dst port, 0);
 *   <li>raw UDP: source port = the reserved port, UDP checksum = sequence (two payload bytes
 *       compensate), IPv4 ID = sequence, key (port, dst port, checksum);
 *   <li>raw TCP: SYN from the reserved port, TCP sequence = probe sequence, key (port, dst port,
 *       sequence); raw ICMP: echo id = the reserved port, key (0, 0, sequence), the checksum
 *       held as for ping sockets.
 * </ul>
 *
 * IPv6 probes from ordinary sockets carry the flow label Linux derives from the flow
 * ({@code auto_flowlabels}); raw probes carry 0.
 */
final class ProbeBuilder {
  private static final int RAW_TCP_WINDOW = 5840;
  private static final int LINUX_TCP_WINDOW = 64240;

  private final Protocol protocol;
  private final boolean raw;
  private final boolean paris;
  private final InetAddress source;
  private final InetAddress destination;
  private final boolean v6;
  private final int tos;
  private final boolean dontFragment;
  private final int packetLength;
  private final int minimumPayload;
  private final byte[] payload;

  record Built(byte[] packet, WireKey key) {}

  ProbeBuilder(SessionSpec spec, InetAddress source, boolean raw) {
    this.protocol = spec.protocol();
    this.raw = raw;
    this.paris = spec.paris();
    this.source = source;
    this.destination = spec.destination();
    this.v6 = spec.ipv6();
    this.tos = spec.tos();
    this.dontFragment = spec.discoverMtu();
    this.packetLength = spec.packetLength();
    boolean compensates = (raw && protocol == Protocol.UDP) || (paris && protocol != Protocol.TCP);
    this.minimumPayload = compensates ? ParisChecksum.SLOT : 0;
    this.payload = protocol == Protocol.TCP ? new byte[0] : payload(packetLength);
  }

  /** The payload that makes a probe {@code size} bytes long (UDP and ICMP: 8-byte header). */
  private byte[] payload(int size) {
    int ip = v6 ? Ipv6Header.LENGTH : Ipv4Header.MIN_LENGTH;
    byte[] p = new byte[Math.max(minimumPayload, size - ip - 8)];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (0x40 + (i % 0x40));
    }
    return p;
  }

  /** Whether raw SYNs carry data (path MTU discovery), hence their sequence in the upper bits. */
  boolean synsCarryData() {
    return dontFragment;
  }

  /**
   * What a probe of its own size carries: UDP and ICMP fill up to it; a raw SYN carries data up
   * to it (path MTU discovery), where otherwise it is a bare SYN whatever the packet length.
   */
  private byte[] payloadOf(OutgoingProbe probe) {
    if (probe.size() == OutgoingProbe.SESSION_SIZE) {
      return payload;
    }
    if (protocol != Protocol.TCP) {
      return probe.size() == packetLength ? payload : payload(probe.size());
    }
    int headers = (v6 ? Ipv6Header.LENGTH : Ipv4Header.MIN_LENGTH) + Tcp.MIN_LENGTH;
    return raw ? new byte[Math.max(0, probe.size() - headers)] : new byte[0];
  }

  /**
   * @param port the local port (unprivileged UDP/TCP), the ping socket's id, or the raw session's
   *     reserved port
   */
  Built build(OutgoingProbe probe, int port, int ipId, long isn) {
    byte[] segment;
    WireKey key;
    byte[] payload = payloadOf(probe);
    switch (protocol) {
      case UDP -> {
        boolean inChecksum = raw || paris;
        segment = inChecksum
            ? ParisChecksum.udp(source, destination, port, probe.dstPort(), payload,
                probe.sequence())
            : Udp.encode(source, destination, port, probe.dstPort(), payload);
        key = new WireKey(port, probe.dstPort(), inChecksum ? Wire.u16(segment, 6) : 0);
      }
      case TCP -> {
        long sequence = SynSequence.onWire(probe.sequence(), dontFragment);
        Tcp syn = raw
            ? Tcp.syn(port, probe.dstPort(), sequence, RAW_TCP_WINDOW, new byte[0])
            : Tcp.syn(port, probe.dstPort(), isn, LINUX_TCP_WINDOW, linuxSynOptions(isn));
        segment = syn.encode(source, destination, payload);
        key = new WireKey(port, probe.dstPort(), raw ? sequence : 0);
      }
      case ICMP -> {
        segment = v6
            ? IcmpV6.echoRequest((Inet6Address) source, (Inet6Address) destination, port,
                probe.sequence(), payload)
            : IcmpV4.echoRequest(port, probe.sequence(), payload);
        if (probe.holdsIcmpChecksum()) {
          ParisChecksum.holdEcho(segment, probe.icmpChecksum());
        }
        key = new WireKey(0, 0, probe.sequence());
      }
      default -> throw new AssertionError(protocol);
    }
    int next = switch (protocol) {
      case UDP -> Datagram.UDP;
      case TCP -> Datagram.TCP;
      case ICMP -> v6 ? Datagram.ICMPV6 : Datagram.ICMP;
    };
    if (v6) {
      int label = raw ? 0 : autoFlowLabel(port, probe.dstPort(), next);
      return new Built(new Ipv6Header(tos, label, segment.length, next, probe.ttl(),
          (Inet6Address) source, (Inet6Address) destination).encodeWith(segment), key);
    }
    boolean df = !raw && protocol == Protocol.TCP; // TCP does path MTU discovery
    return new Built(new Ipv4Header(tos, Ipv4Header.MIN_LENGTH + segment.length,
        raw ? rawIpId(probe, key) : ipId, df ? Ipv4Header.FLAG_DF : 0, 0, probe.ttl(), next, 0,
        (Inet4Address) source, (Inet4Address) destination, 0).encodeWith(segment), key);
  }

  /** As the linux module's raw probes: UDP repeats its checksum (never 0), others the sequence. */
  private int rawIpId(OutgoingProbe probe, WireKey key) {
    return protocol == Protocol.UDP ? (int) key.sequence() : probe.sequence();
  }

  /**
   * The checksum a Paris UDP probe from {@code port} to {@code dstPort} carried, from the quoted
   * payload an error queue returns; -1 when the quote cannot be one of this session's probes.
   */
  int udpIdentity(int port, int dstPort, byte[] quoted, int off, int len) {
    return ParisChecksum.udpIdentity(source, destination, port, dstPort, payload, quoted, off, len);
  }

  /** MSS, SACK permitted, timestamps, NOP, window scale 7: what Linux puts in a SYN. */
  private byte[] linuxSynOptions(long tsval) {
    byte[] o = new byte[20];
    int mss = v6 ? 1440 : 1460;
    o[0] = 2;
    o[1] = 4;
    Wire.put16(o, 2, mss);
    o[4] = 4;
    o[5] = 2;
    o[6] = 8;
    o[7] = 10;
    Wire.put32(o, 8, tsval);
    o[16] = 1;
    o[17] = 3;
    o[18] = 3;
    o[19] = 7;
    return o;
  }

  /** A non-zero 20-bit label from the flow, as Linux derives one from the socket's flow hash. */
  private static int autoFlowLabel(int srcPort, int dstPort, int next) {
    long flow = (long) srcPort << 32 | (long) dstPort << 8 | next;
    int label = (int) (FlowHash.finish(flow) & 0xfffff);
    return label == 0 ? 1 : label;
  }
}
