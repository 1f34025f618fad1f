package dev.hoptrace.cli.it;

import dev.hoptrace.lab.IpFamily;
import java.util.List;

/** The probe methods of the command contract, with what the destination answers to each. */
enum Method {
  /** Default: UDP to 33434 and up, one port per probe; the destination says Port Unreachable. */
  UDP(List.of(), "udp", 33434, "unreachable"),
  /** {@code -U}: UDP to the fixed port 53. */
  UDP_FIXED(List.of("-U"), "udp", 53, "unreachable"),
  /** {@code -I}: ICMP echo; the destination answers Echo Reply. */
  ICMP(List.of("-I"), "icmp", null, "echo-reply"),
  /** {@code -T}: TCP SYN to port 80, closed on the destination: it answers RST. */
  TCP(List.of("-T"), "tcp", 80, "tcp-refused");

  private final List<String> flags;
  private final String protocol;
  private final Integer port;
  private final String destinationKind;

  Method(List<String> flags, String protocol, Integer port, String destinationKind) {
    this.flags = flags;
    this.protocol = protocol;
    this.port = port;
    this.destinationKind = destinationKind;
  }

  List<String> flags() {
    return flags;
  }

  /** The JSON {@code protocol}. */
  String protocol() {
    return protocol;
  }

  /** The JSON {@code port}, or null where the method has none (ICMP). */
  Integer port() {
    return port;
  }

  /** The JSON {@code kind} of the destination's answer. */
  String destinationKind() {
    return destinationKind;
  }

  /** ICMP type and code of the destination's answer, or null when it is not ICMP (TCP). */
  int[] destinationIcmp(IpFamily family) {
    return switch (this) {
      case UDP, UDP_FIXED -> family == IpFamily.IPV4 ? new int[] {3, 3} : new int[] {1, 4};
      case ICMP -> family == IpFamily.IPV4 ? new int[] {0, 0} : new int[] {129, 0};
      case TCP -> null;
    };
  }
}
