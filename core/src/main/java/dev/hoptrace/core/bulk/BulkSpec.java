package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.util.Objects;

/**
 * What a bulk transport needs before it sends anything.
 *
 * @param targets the destinations, all of one family
 * @param protocol UDP, ICMP echo or TCP SYN (raw only)
 * @param mode raw, unprivileged or auto
 * @param paris every probe to a destination is on one flow: constant ports (UDP) or a constant
 *     echo checksum (ICMP); otherwise UDP probes change destination port per probe
 * @param port UDP destination port (the first one, without Paris), or the TCP one
 * @param packetLength total probe size including the IP header
 * @param tos IPv4 TOS / IPv6 traffic class
 * @param secret keys the destination check of {@link ProbeStamp}, fresh per run
 */
public record BulkSpec(
    TargetTable targets,
    Protocol protocol,
    ProbeMode mode,
    boolean paris,
    int port,
    int packetLength,
    int tos,
    long secret) {

  public BulkSpec {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(mode, "mode");
    if (protocol == Protocol.TCP && mode == ProbeMode.UNPRIVILEGED) {
      throw new IllegalArgumentException(TCP_NEEDS_RAW);
    }
    if (protocol == Protocol.TCP && packetLength != tcpLength(targets.ipv6())) {
      throw new IllegalArgumentException("bulk TCP probes are bare SYNs of "
          + tcpLength(targets.ipv6()) + " bytes; --packet-length does not apply to them");
    }
    int least = minimumLength(targets.ipv6());
    if (protocol != Protocol.TCP && (packetLength < least || packetLength > 1500)) {
      throw new IllegalArgumentException("bulk probes must be " + least + "..1500 bytes (the IP"
          + " and transport headers plus the " + ProbeStamp.LENGTH + "-byte stamp), got "
          + packetLength);
    }
  }

  /** Why a bulk TCP run needs raw sockets, in one line for the user. */
  public static final String TCP_NEEDS_RAW = "bulk TCP probes need raw sockets (root or"
      + " CAP_NET_RAW): unprivileged, every SYN would take a connect() of its own; use --mode raw,"
      + " or UDP (default) or ICMP (-I)";

  /** A bulk TCP probe: IP header + a 20-byte SYN without options or data. */
  public static int tcpLength(boolean ipv6) {
    return (ipv6 ? 40 : 20) + 20;
  }

  /** The probe size when none is asked for. */
  public static int defaultLength(Protocol protocol, boolean ipv6) {
    return protocol == Protocol.TCP ? tcpLength(ipv6) : ipv6 ? 80 : 60;
  }

  /** IP header + 8 bytes of UDP or ICMP + the stamp. */
  public static int minimumLength(boolean ipv6) {
    return (ipv6 ? 40 : 20) + 8 + ProbeStamp.LENGTH;
  }

  /** Bytes after the UDP or ICMP header: the stamp and padding (none after a TCP SYN). */
  public int payloadLength() {
    return protocol == Protocol.TCP ? 0 : packetLength - (targets.ipv6() ? 40 : 20) - 8;
  }

  /** The destination check of destination {@code target}. */
  public int check(int target) {
    return targets.check(target, secret);
  }

  /**
   * The UDP destination port of a probe: fixed with Paris, else the first port plus the probe's
   * position in its trace ({@link ProbeBatch#sequence}), as classic traceroute.
   */
  public int udpPort(int sequence) {
    return paris ? port : Math.min(65535, port + sequence % 4096);
  }
}
