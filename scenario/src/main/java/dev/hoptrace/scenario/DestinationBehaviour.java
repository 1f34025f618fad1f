package dev.hoptrace.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * How the destination answers probes addressed to it, per protocol.
 *
 * @param udp what a UDP datagram to any port gets
 * @param icmp whether echo requests get echo replies
 * @param tcpDefault what a SYN to a port not listed in {@code tcpPorts} gets
 * @param tcpPorts per-port exceptions
 */
public record DestinationBehaviour(
    UdpAnswer udp, boolean icmp, TcpAnswer tcpDefault, Map<Integer, TcpAnswer> tcpPorts) {

  /** Answer to UDP: Port Unreachable (a closed port, the traceroute case), nothing, or a reject. */
  public enum UdpAnswer { PORT_UNREACHABLE, SILENT, ADMIN_PROHIBITED }

  /** Answer to a TCP SYN: SYN-ACK, RST, or nothing. */
  public enum TcpAnswer { OPEN, REFUSED, SILENT }

  /** Closed UDP ports, echo replies, TCP refused on every port: a plain Linux host. */
  public static final DestinationBehaviour DEFAULT =
      new DestinationBehaviour(UdpAnswer.PORT_UNREACHABLE, true, TcpAnswer.REFUSED, Map.of());

  public DestinationBehaviour {
    Objects.requireNonNull(udp, "udp");
    Objects.requireNonNull(tcpDefault, "tcpDefault");
    tcpPorts = Map.copyOf(tcpPorts);
    for (int port : tcpPorts.keySet()) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("TCP port " + port + " is not 1..65535");
      }
    }
  }

  public TcpAnswer tcp(int port) {
    return tcpPorts.getOrDefault(port, tcpDefault);
  }
}
