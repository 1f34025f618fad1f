package dev.hoptrace.linux;

import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.linux.ffm.SockFilter.Insn;
import java.util.List;

/**
 * Classic BPF programs that let through only the replies of one trace (its identity {@code
 * ident}: the reserved port, used as UDP/TCP source port and ICMP echo id), so that raw sockets of
 * concurrent traces never see each other's traffic (Documentation/networking/filter.rst).
 *
 * <p>An {@code AF_INET} raw socket sees packets from the IPv4 header on; an {@code AF_INET6} one
 * from the ICMPv6 / TCP header on (no IPv6 header). Offsets below follow from that; quoted IPv6
 * headers are assumed to carry no extension headers, which hoptrace's probes never have.
 */
final class RawFilters {
  private RawFilters() {}

  private static final int LD_B_ABS = 0x30;
  private static final int LD_H_ABS = 0x28;
  private static final int LD_B_IND = 0x50;
  private static final int LD_H_IND = 0x48;
  private static final int LDX_B_MSH = 0xb1;
  private static final int AND_K = 0x54;
  private static final int LSH_K = 0x64;
  private static final int ADD_X = 0x0c;
  private static final int TAX = 0x07;
  private static final int JEQ_K = 0x15;
  private static final int RET_K = 0x06;
  /** Bytes of an accepted packet to keep: all of it. */
  private static final int ACCEPT = 0x40000;

  /** Where the identity sits in the quoted transport header: source port, or echo id at 4. */
  private static int identOffset(Protocol protocol) {
    return protocol == Protocol.ICMP ? 4 : 0;
  }

  private static int ipProtocol(Protocol protocol, boolean ipv6) {
    return switch (protocol) {
      case UDP -> 17;
      case TCP -> 6;
      case ICMP -> ipv6 ? 58 : 1;
    };
  }

  /** IPv4 raw ICMP: our echo replies (ICMP probes) and errors quoting our probes. */
  static List<Insn> icmpV4(Protocol protocol, int ident) {
    boolean echo = protocol == Protocol.ICMP;
    return List.of(
        /* 0 */ new Insn(LDX_B_MSH, 0, 0, 0), // X = outer IHL * 4
        /* 1 */ new Insn(LD_B_IND, 0, 0, 0), // A = ICMP type
        /* 2 */ new Insn(JEQ_K, 4, 0, 0), // echo reply -> 7
        /* 3 */ new Insn(JEQ_K, 5, 0, 3), // dest unreachable -> 9
        /* 4 */ new Insn(JEQ_K, 4, 0, 11), // time exceeded -> 9
        /* 5 */ new Insn(JEQ_K, 3, 0, 12), // parameter problem -> 9
        /* 6 */ new Insn(RET_K, 0, 0, 0),
        /* 7 */ new Insn(LD_H_IND, 0, 0, 4), // echo id
        /* 8 */ echo ? new Insn(JEQ_K, 9, 10, ident) : new Insn(JEQ_K, 10, 10, 0),
        /* 9 */ new Insn(LD_B_IND, 0, 0, 8 + 9), // quoted IP protocol
        /* 10 */ new Insn(JEQ_K, 0, 8, ipProtocol(protocol, false)),
        /* 11 */ new Insn(LD_B_IND, 0, 0, 8), // quoted version/IHL
        /* 12 */ new Insn(AND_K, 0, 0, 0x0f),
        /* 13 */ new Insn(LSH_K, 0, 0, 2),
        /* 14 */ new Insn(ADD_X, 0, 0, 0),
        /* 15 */ new Insn(TAX, 0, 0, 0), // X = outer IHL + quoted IHL
        /* 16 */ new Insn(LD_H_IND, 0, 0, 8 + identOffset(protocol)),
        /* 17 */ new Insn(JEQ_K, 0, 1, ident),
        /* 18 */ new Insn(RET_K, 0, 0, ACCEPT),
        /* 19 */ new Insn(RET_K, 0, 0, 0));
  }

  /** IPv6 raw ICMPv6 (data starts at the ICMPv6 header): the same rules. */
  static List<Insn> icmpV6(Protocol protocol, int ident) {
    boolean echo = protocol == Protocol.ICMP;
    return List.of(
        /* 0 */ new Insn(LD_B_ABS, 0, 0, 0), // type
        /* 1 */ new Insn(JEQ_K, 5, 0, 129), // echo reply -> 7
        /* 2 */ new Insn(JEQ_K, 6, 0, 1), // dest unreachable -> 9
        /* 3 */ new Insn(JEQ_K, 5, 0, 2), // packet too big -> 9
        /* 4 */ new Insn(JEQ_K, 4, 0, 3), // time exceeded -> 9
        /* 5 */ new Insn(JEQ_K, 3, 0, 4), // parameter problem -> 9
        /* 6 */ new Insn(RET_K, 0, 0, 0),
        /* 7 */ new Insn(LD_H_ABS, 0, 0, 4), // echo id
        /* 8 */ echo ? new Insn(JEQ_K, 4, 5, ident) : new Insn(JEQ_K, 5, 5, 0),
        /* 9 */ new Insn(LD_B_ABS, 0, 0, 8 + 6), // quoted next header
        /* 10 */ new Insn(JEQ_K, 0, 3, ipProtocol(protocol, true)),
        /* 11 */ new Insn(LD_H_ABS, 0, 0, 8 + 40 + identOffset(protocol)),
        /* 12 */ new Insn(JEQ_K, 0, 1, ident),
        /* 13 */ new Insn(RET_K, 0, 0, ACCEPT),
        /* 14 */ new Insn(RET_K, 0, 0, 0));
  }

  /** Raw TCP: segments addressed to our reserved port (SYN-ACK or RST from the destination). */
  static List<Insn> tcp(boolean ipv6, int ident) {
    if (ipv6) {
      return List.of(
          new Insn(LD_H_ABS, 0, 0, 2), // destination port
          new Insn(JEQ_K, 0, 1, ident),
          new Insn(RET_K, 0, 0, ACCEPT),
          new Insn(RET_K, 0, 0, 0));
    }
    return List.of(
        new Insn(LDX_B_MSH, 0, 0, 0),
        new Insn(LD_H_IND, 0, 0, 2),
        new Insn(JEQ_K, 0, 1, ident),
        new Insn(RET_K, 0, 0, ACCEPT),
        new Insn(RET_K, 0, 0, 0));
  }

  /** Drops everything: for send-only raw sockets, whose receive queue must not fill. */
  static List<Insn> nothing() {
    return List.of(new Insn(RET_K, 0, 0, 0));
  }

  /**
   * The {@code ICMP6_FILTER} bitmap passing only the types the BPF program looks at. On Linux a
   * set bit blocks the type (the inverse of the BSD macros).
   */
  static int[] icmp6TypeFilter() {
    int[] blocked = {-1, -1, -1, -1, -1, -1, -1, -1};
    for (int type : new int[] {1, 2, 3, 4, 129}) {
      blocked[type >>> 5] &= ~(1 << (type & 31));
    }
    return blocked;
  }
}
