package dev.hoptrace.core.net;

/** How probes reach the wire, which decides what hoptrace can see of the replies. */
public enum ProbeMode {
  /** Raw sockets when the process may open them (CAP_NET_RAW), otherwise unprivileged. */
  AUTO,
  /** Raw sockets: hoptrace builds the probes and reads whole ICMP replies, quoted IP header included. */
  RAW,
  /** Ordinary sockets: UDP and TCP with the error queue, ICMP through ping sockets. */
  UNPRIVILEGED
}
