package dev.hoptrace.core.net;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trace asks of the network before it sends anything.
 *
 * @param destination the address probes are sent to
 * @param protocol the probe transport
 * @param mode how probes reach the wire
 * @param source a local address to send from, or empty for the route's choice
 * @param interfaceName an interface to bind to ({@code SO_BINDTODEVICE}), or empty
 * @param tos IPv4 type of service or IPv6 traffic class, 0..255
 * @param packetLength total probe length including IP header (traceroute's {@code packetlen})
 * @param paris every probe belongs to one flow (Paris traceroute): the session must not vary a
 *     field load balancers hash by itself (no socket, hence no source port, per probe) and must
 *     carry the probe's identity where they do not look; a session kind that cannot refuses to open
 * @param discoverMtu path MTU discovery: probes carry Don't Fragment (IPv4; IPv6 routers never
 *     fragment), the kernel neither fragments them nor refuses them for a path MTU it has cached
 *     ({@code IP_PMTUDISC_PROBE}), and probes may each have their own {@link
 *     OutgoingProbe#size()}; a session kind that cannot choose its probes' size refuses to open
 */
public record SessionSpec(
    InetAddress destination,
    Protocol protocol,
    ProbeMode mode,
    Optional<InetAddress> source,
    Optional<String> interfaceName,
    int tos,
    int packetLength,
    boolean paris,
    boolean discoverMtu) {

  public SessionSpec {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(interfaceName, "interfaceName");
    if (tos < 0 || tos > 255) {
      throw new IllegalArgumentException("tos must be 0..255, got " + tos);
    }
    if (packetLength < 0 || packetLength > 65000) {
      throw new IllegalArgumentException("packet length must be 0..65000, got " + packetLength);
    }
  }

  /** A session without path MTU discovery. */
  public SessionSpec(InetAddress destination, Protocol protocol, ProbeMode mode,
      Optional<InetAddress> source, Optional<String> interfaceName, int tos, int packetLength,
      boolean paris) {
    this(destination, protocol, mode, source, interfaceName, tos, packetLength, paris, false);
  }

  /** A classic session: each probe may be a flow of its own. */
  public SessionSpec(InetAddress destination, Protocol protocol, ProbeMode mode,
      Optional<InetAddress> source, Optional<String> interfaceName, int tos, int packetLength) {
    this(destination, protocol, mode, source, interfaceName, tos, packetLength, false);
  }

  /**
   * Why unprivileged sockets cannot discover the path MTU for this spec, or empty when they can
   * (or it was not asked for): a TCP connect() sends the kernel's bare SYN, and one Paris UDP
   * socket for many probes tells them apart by a checksum that depends on their length.
   */
  public Optional<String> unprivilegedMtuRefusal() {
    if (!discoverMtu) {
      return Optional.empty();
    }
    if (protocol == Protocol.TCP) {
      return Optional.of(MTU_TCP_NEEDS_RAW);
    }
    if (paris && protocol == Protocol.UDP) {
      return Optional.of(MTU_PARIS_UDP_NEEDS_RAW);
    }
    return Optional.empty();
  }

  /** Why unprivileged TCP cannot discover the path MTU. */
  public static final String MTU_TCP_NEEDS_RAW = "--mtu needs probes of a chosen size, and"
      + " unprivileged TCP sends the kernel's bare SYN: use raw mode (root or CAP_NET_RAW), or"
      + " UDP or ICMP (-I)";

  /** Why unprivileged Paris UDP cannot discover the path MTU. */
  public static final String MTU_PARIS_UDP_NEEDS_RAW = "--mtu with --paris UDP needs raw mode"
      + " (root or CAP_NET_RAW): unprivileged, its probes' identity depends on their length; use"
      + " ICMP (-I), or classic UDP without --paris";

  /** True when the destination is an IPv6 address. */
  public boolean ipv6() {
    return destination instanceof java.net.Inet6Address;
  }
}
