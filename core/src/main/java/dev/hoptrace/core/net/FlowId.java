package dev.hoptrace.core.net;

/**
 * One flow as a per-flow load balancer sees it: the fields it hashes (addresses, protocol, TOS /
 * traffic class, the IPv6 flow label, and the first four octets after the IP header: UDP and TCP
 * ports, or ICMP type, code and checksum). A Paris trace sends every probe on one flow, so each
 * hop answers from the one path that flow takes; a multipath (MDA) trace would compare several.
 *
 * <p>The number picks the values of the hashed fields hoptrace is free to choose; the others are
 * the session's and constant (source and destination address, protocol, TOS, flow label):
 *
 * <ul>
 *   <li>UDP: destination port = the trace's port + number; source port = the session's one port.
 *   <li>ICMP echo: checksum = {@link #icmpChecksum()}; identifier = the session's one identifier.
 *   <li>TCP: the session's source port and the trace's destination port; flow 0 only, as the
 *       source port is the one field that could vary and a raw session holds a single one.
 * </ul>
 *
 * @param number 0..{@link #MAX}
 */
public record FlowId(int number) {
  public static final int MAX = 4095;

  /** Why unprivileged TCP cannot keep a flow; linux and sim refuse with this line. */
  public static final String TCP_NEEDS_RAW = "--paris with TCP needs raw mode: an unprivileged"
      + " connect() lets the kernel choose the TCP sequence number, the one field that could carry"
      + " the probe's identity within a flow; use --mode raw (root or CAP_NET_RAW), or UDP or"
      + " ICMP (-I)";

  public FlowId {
    if (number < 0 || number > MAX) {
      throw new IllegalArgumentException("flow (--flow) must be 0.." + MAX + ", got " + number);
    }
  }

  /** The destination port of a UDP flow whose flow 0 goes to {@code firstPort}. */
  public int udpPort(int firstPort) {
    return firstPort + number;
  }

  /**
   * The checksum every echo request of the flow carries: counting down from 0xfffe, the largest
   * value a computed checksum takes, so that kernels which compute it (ping sockets) agree.
   */
  public int icmpChecksum() {
    return 0xfffe - number;
  }
}
