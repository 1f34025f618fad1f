package dev.hoptrace.scenario;

import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a router does besides forwarding.
 *
 * @param icmp whether and how often it sends ICMP errors (Time Exceeded, Unreachable)
 * @param replyFromV4 answer from this IPv4 address instead of the inbound interface's
 * @param replyFromV6 answer from this IPv6 address instead of the inbound interface's
 * @param mpls the label stack it reports in its Time Exceeded (RFC 4884 + RFC 4950), outermost first
 * @param nat how it translates the source of traffic it forwards toward the destination
 * @param balancing how it spreads traffic over several equally short next hops
 * @param filter what it does with traffic it would forward toward the destination
 * @param dscp the DSCP (0..63) it re-marks traffic it forwards toward the destination with
 * @param interfaces RFC 5837 interface information objects it adds to its Time Exceeded
 * @param quote bytes of a datagram past its IP header that its ICMP errors quote, at least 8 (RFC
 *     792's minimum, still seen on IPv4); {@link #FULL_QUOTE} for as much as fits, as Linux does
 */
public record RouterBehaviour(
    IcmpPolicy icmp,
    Optional<Inet4Address> replyFromV4,
    Optional<Inet6Address> replyFromV6,
    List<MplsLabelStackEntry> mpls,
    Nat nat,
    Balancing balancing,
    Filter filter,
    OptionalInt dscp,
    List<InterfaceInformation> interfaces,
    int quote) {

  /** Quote as much as fits in 576 bytes (IPv4) or the IPv6 minimum MTU, as Linux does. */
  public static final int FULL_QUOTE = 0;

  /** Per-flow hashes the fields load balancers hash (addresses, protocol, ports, flow label);
   *  per-packet sends each packet to the next next hop in turn. */
  public enum Balancing { PER_FLOW, PER_PACKET }

  /**
   * Source NAT toward the destination. {@code MASQUERADE}: conntrack rewrites source address and
   * port to the outbound interface's and translates replies back, the probes quoted in ICMP
   * errors included. {@code STATELESS}: the client's address is rewritten to the outbound
   * interface's and replies to that address go back to the client, header by header, with no
   * state: the quote in an ICMP error is left as rewritten, as many CPE and CGN boxes leave it.
   */
  public enum Nat { NONE, MASQUERADE, STATELESS }

  /** Answers, balances per flow, forwards everything. */
  public static final RouterBehaviour DEFAULT = new RouterBehaviour(IcmpPolicy.ANSWER,
      Optional.empty(), Optional.empty(), List.of(), Nat.NONE, Balancing.PER_FLOW, Filter.NONE,
      OptionalInt.empty(), List.of(), FULL_QUOTE);

  public RouterBehaviour {
    Objects.requireNonNull(icmp, "icmp");
    Objects.requireNonNull(replyFromV4, "replyFromV4");
    Objects.requireNonNull(replyFromV6, "replyFromV6");
    Objects.requireNonNull(balancing, "balancing");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(nat, "nat");
    Objects.requireNonNull(dscp, "dscp");
    mpls = List.copyOf(mpls);
    interfaces = List.copyOf(interfaces);
    if (quote != FULL_QUOTE && quote < 8) {
      throw new IllegalArgumentException("a router quotes at least 8 bytes past the IP header"
          + " (RFC 792)");
    }
    if (quote != FULL_QUOTE && (!mpls.isEmpty() || !interfaces.isEmpty())) {
      throw new IllegalArgumentException("'quote' cannot go with 'mpls' or 'interfaces': RFC 4884"
          + " pads the quote of an error with extensions to 128 bytes");
    }
    if (mpls.size() > 8) {
      throw new IllegalArgumentException("an MPLS label stack here has at most 8 entries");
    }
    if (interfaces.size() > 4) {
      throw new IllegalArgumentException("a router here reports at most 4 interfaces (RFC 5837)");
    }
    if (dscp.isPresent() && (dscp.getAsInt() < 0 || dscp.getAsInt() > 63)) {
      throw new IllegalArgumentException("dscp must be 0..63, got " + dscp.getAsInt());
    }
  }

  /** Without re-marking, interface information or a short quote; {@code masquerade} or no NAT. */
  public RouterBehaviour(IcmpPolicy icmp, Optional<Inet4Address> replyFromV4,
      Optional<Inet6Address> replyFromV6, List<MplsLabelStackEntry> mpls, boolean masquerade,
      Balancing balancing, Filter filter) {
    this(icmp, replyFromV4, replyFromV6, mpls, masquerade ? Nat.MASQUERADE : Nat.NONE, balancing,
        filter, OptionalInt.empty(), List.of(), FULL_QUOTE);
  }

  /** Whether its Time Exceeded carries an RFC 4884 extension (MPLS labels, interfaces). */
  public boolean reportsExtensions() {
    return !mpls.isEmpty() || !interfaces.isEmpty();
  }

  /** Whether its errors quote less than Linux's. */
  public boolean quotesShort() {
    return quote != FULL_QUOTE;
  }

  /** {@code original} cut to what this router quotes of it. */
  public byte[] quoted(byte[] original) {
    if (quote == FULL_QUOTE || original.length == 0) {
      return original;
    }
    int header = (original[0] & 0xf0) == 0x60 ? 40 : (original[0] & 0x0f) * 4;
    return java.util.Arrays.copyOf(original, Math.min(original.length, header + quote));
  }
}
