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
 */
public record SessionSpec(
    InetAddress destination,
    Protocol protocol,
    ProbeMode mode,
    Optional<InetAddress> source,
    Optional<String> interfaceName,
    int tos,
    int packetLength,
    boolean paris) {

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

  /** A classic session: each probe may be a flow of its own. */
  public SessionSpec(InetAddress destination, Protocol protocol, ProbeMode mode,
      Optional<InetAddress> source, Optional<String> interfaceName, int tos, int packetLength) {
    this(destination, protocol, mode, source, interfaceName, tos, packetLength, false);
  }

  /** True when the destination is an IPv6 address. */
  public boolean ipv6() {
    return destination instanceof java.net.Inet6Address;
  }
}
