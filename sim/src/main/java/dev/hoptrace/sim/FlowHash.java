package dev.hoptrace.sim;

/**
 * What a per-flow load balancer hashes: source and destination address, protocol, TOS / traffic
 * class, the IPv6 flow label, and the first four octets after the IP header, which are the UDP or
 * TCP ports, or the ICMP type, code and checksum (Augustin et al., "Avoiding traceroute anomalies
 * with Paris traceroute", IMC 2006: routers "blindly" hash those octets). Each router mixes in its
 * own salt, as real boxes seed their hash, so two balancers in a row do not make the same choice.
 */
final class FlowHash {
  private FlowHash() {}

  /** Which of {@code choices} next hops the packet's flow takes. */
  static int choose(byte[] p, long salt, int choices) {
    return (int) Long.remainderUnsigned(hash(p, salt), choices);
  }

  static long hash(byte[] p, long salt) {
    long h = salt;
    int n = Datagram.addressLength(p);
    int src = Datagram.sourceOffset(p);
    int dst = Datagram.destinationOffset(p);
    for (int i = 0; i < n; i += 4) {
      h = mix(h, word(p, src + i));
      h = mix(h, word(p, dst + i));
    }
    h = mix(h, Datagram.protocol(p) << 8 | Datagram.tos(p));
    h = mix(h, Datagram.flowLabel(p));
    int t = Datagram.headerLength(p);
    if (t + 4 <= p.length) {
      h = mix(h, word(p, t));
    }
    return finish(h);
  }

  private static long word(byte[] p, int i) {
    return (p[i] & 0xffL) << 24 | (p[i + 1] & 0xff) << 16 | (p[i + 2] & 0xff) << 8
        | p[i + 3] & 0xff;
  }

  private static long mix(long h, long v) {
    return (h ^ v) * 0x9e3779b97f4a7c15L + 0x632be59bd9b4e019L;
  }

  /** The SplitMix64 finaliser: every input bit reaches every output bit. */
  static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
