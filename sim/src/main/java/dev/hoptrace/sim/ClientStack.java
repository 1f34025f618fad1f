package dev.hoptrace.sim;

import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.forge.Forger;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The client host's kernel: it owns the port numbers, puts probes on the client's only link, and
 * hands each arriving packet to the socket it belongs to, as Linux demultiplexes. An ICMP error
 * goes to the UDP or TCP socket bound to the quoted source port, or the ping socket whose id the
 * quoted echo carries; a TCP segment to the socket of its destination port; an echo reply to the
 * ping socket of its id. Raw sessions additionally see every packet their in-kernel filter
 * accepts (their reserved identity in the same places). A packet nobody takes is dropped, so a
 * released probe's late reply never reaches anyone.
 */
final class ClientStack implements SimNode {
  /** Linux's default {@code ip_local_port_range}. */
  private static final int EPHEMERAL_LOW = 32768;
  private static final int EPHEMERAL_HIGH = 60999;

  private final Internet net;
  private final String name;
  private final Link link;
  private final Map<Integer, Endpoint> udp = new HashMap<>();
  private final Map<Integer, Endpoint> tcp = new HashMap<>();
  private final Map<Integer, Endpoint> ping = new HashMap<>();
  private final List<SimSession> raw = new ArrayList<>();
  /** Bulk transports: they see every packet addressed to the client, as a raw socket does. */
  private final List<SimBulkTransport> taps = new ArrayList<>();
  private final SplittableRandom random;
  private int nextPort;
  private int ipId;
  private Forger forger;

  /**
   * A bound socket: which session reads it and the key of its probe (null for a socket that only
   * holds a port, as a raw session's reservation or a ping socket, whose replies carry the key),
   * and the probe it sent when it is connected (UDP, TCP: one probe per socket), else null.
   */
  record Endpoint(SimSession session, WireKey key, byte[] probe) {}

  ClientStack(Internet net, String name, long salt) {
    this.net = net;
    this.name = name;
    this.link = net.scenario.linksOf(name).getFirst();
    this.random = new SplittableRandom(salt);
    this.nextPort = EPHEMERAL_LOW + random.nextInt(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
    this.ipId = random.nextInt(0x10000);
  }

  InetAddress address(boolean ipv6) {
    return AddressPlan.of(link, name, ipv6);
  }

  /**
   * What the local stack says to a probe longer than the client's link: Fragmentation Needed /
   * Packet Too Big from its own address with the link's MTU, as {@code EMSGSIZE} with an {@code
   * SO_EE_ORIGIN_LOCAL} error-queue entry tells a Linux program; null when the probe fits.
   */
  byte[] refusal(byte[] probe) {
    if (probe.length <= link.mtu()) {
      return null;
    }
    if (Datagram.v6(probe)) {
      Inet6Address self = (Inet6Address) address(true);
      byte[] icmp = IcmpErrorEncoder.packetTooBig(self, self, link.mtu(), probe);
      return new Ipv6Header(0, 0, icmp.length, Datagram.ICMPV6, 64, self, self).encodeWith(icmp);
    }
    Inet4Address self = (Inet4Address) address(false);
    byte[] icmp = IcmpErrorEncoder.destinationUnreachableV4(IcmpV4.CODE_FRAGMENTATION_NEEDED,
        link.mtu(), probe, IcmpExtensions.NONE);
    return IcmpErrorEncoder.ipv4Packet(self, self, 64, nextIpId(), icmp);
  }

  /** Binds a free port (a ping socket's id for ICMP) to {@code endpoint}'s session. */
  int bind(Protocol protocol, SimSession session) {
    Map<Integer, Endpoint> table = table(protocol);
    int range = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
    for (int i = 0; i < range; i++) {
      int port = nextPort;
      nextPort = nextPort == EPHEMERAL_HIGH ? EPHEMERAL_LOW : nextPort + 1;
      if (!table.containsKey(port)) {
        table.put(port, new Endpoint(session, null, null));
        return port;
      }
    }
    throw new IllegalStateException("no free local port (" + table.size() + " in use)");
  }

  /** The probe whose replies the socket at {@code port} receives. */
  void attach(Protocol protocol, int port, Endpoint endpoint) {
    table(protocol).put(port, endpoint);
  }

  void unbind(Protocol protocol, int port) {
    table(protocol).remove(port);
  }

  void addRaw(SimSession session) {
    raw.add(session);
  }

  void removeRaw(SimSession session) {
    raw.remove(session);
  }

  void addTap(SimBulkTransport tap) {
    taps.add(tap);
  }

  void removeTap(SimBulkTransport tap) {
    taps.remove(tap);
  }

  int nextIpId() {
    ipId = (ipId + 1) & 0xffff;
    return ipId;
  }

  long randomIsn() {
    return random.nextLong(1L << 32);
  }

  /** Bound sockets of all kinds (for tests: released probes give theirs back). */
  int socketsInUse() {
    return udp.size() + tcp.size() + ping.size();
  }

  /** Puts an adversary on the client's link, next to the client (see {@link Forger}). */
  void tap(Forger forger) {
    this.forger = forger;
  }

  void send(byte[] packet) {
    if (forger != null) { // its lies reach the client before the probe leaves the link
      forger.aboutProbe(packet).forEach(this::receive);
    }
    net.transmit(name, link, packet);
  }

  @Override
  public void arrive(byte[] p, Link via) {
    if (forger != null) {
      forger.aheadOf(p).forEach(this::receive);
    }
    receive(p);
  }

  private void receive(byte[] packet) {
    byte[] p = KernelInput.asReceived(packet);
    if (p == null || !name.equals(net.ownerOf(Datagram.destination(p)))) {
      return;
    }
    for (SimBulkTransport tap : taps) {
      tap.queue(p, net.clock.now());
    }
    int t = Datagram.headerLength(p);
    if (Datagram.icmp(p) && t + 8 <= p.length) {
      int type = p[t] & 0xff;
      boolean v6 = Datagram.v6(p);
      if (type == (v6 ? IcmpV6.ECHO_REPLY : IcmpV4.ECHO_REPLY)) {
        deliver(p, ping, Protocol.ICMP, Wire.u16(p, t + 4));
      } else if (v6 ? type < 128 : type == IcmpV4.DESTINATION_UNREACHABLE
          || type == IcmpV4.TIME_EXCEEDED || type == IcmpV4.PARAMETER_PROBLEM) {
        quoted(p, t + 8);
      }
    } else if (Datagram.protocol(p) == Datagram.TCP && t + 4 <= p.length) {
      deliver(p, tcp, Protocol.TCP, Wire.u16(p, t + 2));
    }
  }

  /**
   * An ICMP error: find the socket from the quoted probe's source port or echo id. Like Linux's
   * {@code __udp4_lib_err} and friends, ordinary sockets are found by the quoted addresses too: a
   * quote whose source a NAT left rewritten reaches no socket, only raw ones.
   */
  private void quoted(byte[] p, int q) {
    if (q + 20 > p.length) {
      return;
    }
    boolean v6 = (p[q] & 0xf0) == 0x60;
    int qt = q + (v6 ? 40 : (p[q] & 0x0f) * 4);
    int protocol = p[q + (v6 ? 6 : 9)] & 0xff;
    if (qt + 8 > p.length) {
      return;
    }
    InetAddress quotedSource = v6 ? Wire.inet6(p, q + 8) : Wire.inet4(p, q + 12);
    boolean ours = name.equals(net.ownerOf(quotedSource));
    if (protocol == Datagram.UDP) {
      deliver(p, ours ? udp : Map.of(), Protocol.UDP, Wire.u16(p, qt));
    } else if (protocol == Datagram.TCP) {
      deliver(p, ours ? tcp : Map.of(), Protocol.TCP, Wire.u16(p, qt));
    } else if (protocol == (v6 ? Datagram.ICMPV6 : Datagram.ICMP)
        && (p[qt] & 0xff) == (v6 ? IcmpV6.ECHO_REQUEST : IcmpV4.ECHO_REQUEST)) {
      deliver(p, ours ? ping : Map.of(), Protocol.ICMP, Wire.u16(p, qt + 4));
    }
  }

  /**
   * Hands a packet to the socket it belongs to and to the raw sessions whose filter takes it. As
   * Linux: an AF_INET raw socket gets its copy before the ICMP checksum is checked; every other
   * socket only a packet whose checksum holds; a connected socket only an error quoting its own
   * addresses, ports and (TCP) sequence.
   */
  private void deliver(byte[] p, Map<Integer, Endpoint> table, Protocol protocol, int port) {
    long now = net.clock.now();
    boolean checksumHolds = KernelInput.checksumHolds(p);
    Endpoint endpoint = table.get(port);
    if (endpoint != null && !endpoint.session().raw() && checksumHolds
        && (endpoint.probe() == null || KernelInput.quotesConnection(p, endpoint.probe()))) {
      endpoint.session().queue(p, endpoint.key(), now);
    }
    for (SimSession session : raw) {
      if (session.protocol() == protocol && session.ident() == port
          && (checksumHolds || !Datagram.v6(p))) {
        session.queue(p, null, now);
      }
    }
  }

  private Map<Integer, Endpoint> table(Protocol protocol) {
    return switch (protocol) {
      case UDP -> udp;
      case TCP -> tcp;
      case ICMP -> ping;
    };
  }
}
