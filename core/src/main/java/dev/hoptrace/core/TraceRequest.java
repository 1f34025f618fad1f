package dev.hoptrace.core;

import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionSpec;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a trace needs, validated on construction so no packet is sent for an impossible
 * request. Build one with {@link #to(InetAddress)}.
 *
 * @param destination the address to trace to
 * @param hostName the name the user gave (printed in the header), or the address as text
 * @param protocol UDP, ICMP echo or TCP SYN
 * @param mode raw, unprivileged, or auto
 * @param port first destination port (UDP, incremented per probe unless {@code fixedPort}) or the
 *     fixed port (UDP with {@code fixedPort}, TCP); ignored for ICMP
 * @param fixedPort UDP only: keep the destination port constant ({@code -U})
 * @param firstTtl first TTL to probe, 1..maxTtl
 * @param maxTtl last TTL to probe, 1..255
 * @param probesPerHop probes per TTL, 1..10
 * @param maxInFlight probes outstanding at once, 1..1024
 * @param sendWait minimum gap between two sends
 * @param replyWait how long to wait for replies
 * @param gapLimit stop after this many consecutive silent hops past the last one that answered
 * @param source local address to send from, or empty
 * @param interfaceName interface to send through, or empty
 * @param tos IPv4 TOS / IPv6 traffic class
 * @param packetLength total probe size in bytes including the IP header
 * @param flow Paris traceroute on this flow (every probe keeps the fields load balancers hash),
 *     or empty for classic traceroute (UDP probes change port, ICMP probes checksum, per probe)
 * @param discoverMtu path MTU discovery ({@code --mtu}): probes carry Don't Fragment, start at
 *     {@code packetLength} and shrink to the MTU each Fragmentation Needed / Packet Too Big (or
 *     the local stack) reports, as Linux traceroute's {@code --mtu} does
 */
public record TraceRequest(
    InetAddress destination,
    String hostName,
    Protocol protocol,
    ProbeMode mode,
    int port,
    boolean fixedPort,
    int firstTtl,
    int maxTtl,
    int probesPerHop,
    int maxInFlight,
    Duration sendWait,
    WaitPolicy replyWait,
    int gapLimit,
    Optional<InetAddress> source,
    Optional<String> interfaceName,
    int tos,
    int packetLength,
    Optional<FlowId> flow,
    boolean discoverMtu) {

  /** Classic traceroute's first UDP port. */
  public static final int DEFAULT_UDP_PORT = 33434;
  /** Where path MTU discovery starts unless told otherwise: Linux traceroute's {@code --mtu}. */
  public static final int DEFAULT_MTU_START = 65000;
  /** The port {@code -U} uses unless told otherwise (DNS, usually let through firewalls). */
  public static final int DEFAULT_FIXED_UDP_PORT = 53;
  /** The port TCP probes go to unless told otherwise. */
  public static final int DEFAULT_TCP_PORT = 80;

  public TraceRequest {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(sendWait, "sendWait");
    Objects.requireNonNull(replyWait, "replyWait");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(flow, "flow");
    if (!(maxTtl >= 1 && maxTtl <= 255)) {
      throw new IllegalArgumentException("max TTL (-m) must be 1..255, got " + maxTtl);
    }
    if (!(firstTtl >= 1 && firstTtl <= maxTtl)) {
      throw new IllegalArgumentException("first TTL (-f) must be 1.." + maxTtl
          + " (the max TTL), got " + firstTtl);
    }
    if (!(probesPerHop >= 1 && probesPerHop <= 10)) {
      throw new IllegalArgumentException("probes per hop (-q) must be 1..10, got " + probesPerHop);
    }
    if (!(maxInFlight >= 1 && maxInFlight <= 1024)) {
      throw new IllegalArgumentException("probes in flight (-N) must be 1..1024, got "
          + maxInFlight);
    }
    if (!(!sendWait.isNegative() && sendWait.compareTo(Duration.ofSeconds(10)) <= 0)) {
      throw new IllegalArgumentException("send wait (-z) must be 0..10 seconds");
    }
    if (!(gapLimit >= 1 && gapLimit <= 255)) {
      throw new IllegalArgumentException("gap limit (--gap-limit) must be 1..255, got " + gapLimit);
    }
    if (!(tos >= 0 && tos <= 255)) {
      throw new IllegalArgumentException("TOS / traffic class (-t) must be 0..255, got " + tos);
    }
    if (!(packetLength >= 0 && packetLength <= 65000)) {
      throw new IllegalArgumentException("packet length must be 0..65000, got " + packetLength);
    }
    boolean usesPort = protocol != Protocol.ICMP;
    if (!(!usesPort || (port >= 1 && port <= 65535))) {
      throw new IllegalArgumentException("port (-p) must be 1..65535, got " + port);
    }
    if (!(!fixedPort || protocol == Protocol.UDP)) {
      throw new IllegalArgumentException("a fixed port (-U) applies to UDP probes only");
    }
    source.ifPresent(s -> check(s.getClass() == destination.getClass(),
        "source address " + s.getHostAddress() + " is not of the destination's family"));
    flow.ifPresent(f -> checkFlow(f, protocol, mode, port));
    if (mode == ProbeMode.UNPRIVILEGED) {
      new SessionSpec(destination, protocol, mode, source, interfaceName, tos, packetLength,
          flow.isPresent(), discoverMtu).unprivilegedMtuRefusal()
          .ifPresent(why -> check(false, why));
    }
  }

  private static void checkFlow(FlowId flow, Protocol protocol, ProbeMode mode, int port) {
    if (!(protocol != Protocol.UDP || flow.udpPort(port) <= 65535)) {
      throw new IllegalArgumentException("UDP port (-p) " + port
        + " plus flow " + flow.number() + " is past 65535 (a flow's port is the port plus its"
        + " number)");
    }
    if (!(protocol != Protocol.TCP || flow.number() == 0)) {
      throw new IllegalArgumentException("TCP probes keep one flow per trace"
        + " (the session's source port): flow " + flow.number() + " needs UDP or ICMP (-I)");
    }
    if (!(protocol != Protocol.TCP || mode != ProbeMode.UNPRIVILEGED)) {
      throw new IllegalArgumentException(FlowId.TCP_NEEDS_RAW);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A builder for a trace to {@code destination}, starting from traceroute's defaults. */
  public static Builder to(InetAddress destination) {
    return new Builder(destination);
  }

  /** traceroute's default sizes: 60 bytes for IPv4, 80 for IPv6 (40 bytes beyond the IP header). */
  public static int defaultPacketLength(InetAddress destination) {
    return destination instanceof Inet6Address ? 80 : 60;
  }

  /** The port a protocol probes unless told otherwise. */
  public static int defaultPort(Protocol protocol, boolean fixedPort) {
    return switch (protocol) {
      case UDP -> fixedPort ? DEFAULT_FIXED_UDP_PORT : DEFAULT_UDP_PORT;
      case ICMP -> 1;
      case TCP -> DEFAULT_TCP_PORT;
    };
  }

  public boolean ipv6() {
    return destination instanceof Inet6Address;
  }

  /**
   * The same trace with path MTU discovery on or off and probes of {@code bytes}, e.g. a
   * continuous trace's discovery at its start and its rounds after it.
   */
  public TraceRequest withMtuDiscovery(boolean discover, int bytes) {
    return new TraceRequest(destination, hostName, protocol, mode, port, fixedPort, firstTtl,
        maxTtl, probesPerHop, maxInFlight, sendWait, replyWait, gapLimit, source, interfaceName,
        tos, bytes, flow, discover);
  }

  /** Whether this is a Paris trace: one flow for every probe. */
  public boolean paris() {
    return flow.isPresent();
  }

  /** Collects options; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final InetAddress destination;
    private String hostName;
    private Protocol protocol = Protocol.UDP;
    private ProbeMode mode = ProbeMode.AUTO;
    private Integer port;
    private boolean fixedPort;
    private int firstTtl = 1;
    private int maxTtl = 30;
    private int probesPerHop = 3;
    private int maxInFlight = 16;
    private Duration sendWait = Duration.ZERO;
    private WaitPolicy replyWait = WaitPolicy.DEFAULT;
    private int gapLimit = 5;
    private Optional<InetAddress> source = Optional.empty();
    private Optional<String> interfaceName = Optional.empty();
    private int tos;
    private Integer packetLength;
    /** The Paris flow's number, or null for classic. */
    private Integer flow;
    private boolean discoverMtu;

    private Builder(InetAddress destination) {
      this.destination = Objects.requireNonNull(destination, "destination");
      this.hostName = destination.getHostAddress();
    }

    public Builder hostName(String name) { this.hostName = name; return this; }
    public Builder protocol(Protocol p) { this.protocol = p; return this; }
    public Builder mode(ProbeMode m) { this.mode = m; return this; }
    /** The destination port; without it the protocol's default. */
    public Builder port(int p) { this.port = p; return this; }
    public Builder fixedPort(boolean fixed) { this.fixedPort = fixed; return this; }
    public Builder firstTtl(int ttl) { this.firstTtl = ttl; return this; }
    public Builder maxTtl(int ttl) { this.maxTtl = ttl; return this; }
    public Builder probesPerHop(int n) { this.probesPerHop = n; return this; }
    public Builder maxInFlight(int n) { this.maxInFlight = n; return this; }
    public Builder sendWait(Duration d) { this.sendWait = d; return this; }
    public Builder replyWait(WaitPolicy w) { this.replyWait = w; return this; }
    public Builder gapLimit(int n) { this.gapLimit = n; return this; }
    public Builder source(InetAddress a) { this.source = Optional.of(a); return this; }
    public Builder interfaceName(String name) { this.interfaceName = Optional.of(name); return this; }
    public Builder tos(int t) { this.tos = t; return this; }
    /** Total probe size including the IP header; without it traceroute's default. */
    public Builder packetLength(int bytes) { this.packetLength = bytes; return this; }
    /** Paris traceroute on flow 0 (true), unless another flow was set; classic (false). */
    public Builder paris(boolean paris) {
      this.flow = !paris ? null : flow != null ? flow : 0;
      return this;
    }
    /** Paris traceroute on flow {@code number}, 0..{@link FlowId#MAX}. */
    public Builder flow(int number) { this.flow = number; return this; }
    /**
     * Path MTU discovery ({@code --mtu}); without a packet length probes start at {@link
     * #DEFAULT_MTU_START} bytes.
     */
    public Builder discoverMtu(boolean discover) { this.discoverMtu = discover; return this; }

    /**
     * @throws IllegalArgumentException naming the first option that is out of range
     */
    public TraceRequest build() {
      return new TraceRequest(destination, hostName, protocol, mode,
          port != null ? port : defaultPort(protocol, fixedPort), fixedPort, firstTtl, maxTtl,
          probesPerHop, maxInFlight, sendWait, replyWait, gapLimit, source, interfaceName, tos,
          packetLength != null ? packetLength
              : discoverMtu ? DEFAULT_MTU_START : defaultPacketLength(destination),
          Optional.ofNullable(flow).map(FlowId::new), discoverMtu);
    }
  }

  /** What the network layer needs to open this trace's sockets. */
  public SessionSpec sessionSpec() {
    return new SessionSpec(destination, protocol, mode, source, interfaceName, tos, packetLength,
        paris(), discoverMtu);
  }
}
