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
    List<InterfaceInformation> interfaces) {

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
      OptionalInt.empty(), List.of());

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

  /** Without re-marking or interface information; {@code masquerade} or no NAT. */
  public RouterBehaviour(IcmpPolicy icmp, Optional<Inet4Address> replyFromV4,
      Optional<Inet6Address> replyFromV6, List<MplsLabelStackEntry> mpls, boolean masquerade,
      Balancing balancing, Filter filter) {
    this(icmp, replyFromV4, replyFromV6, mpls, masquerade ? Nat.MASQUERADE : Nat.NONE, balancing,
        filter, OptionalInt.empty(), List.of());
  }

  /** Whether its Time Exceeded carries an RFC 4884 extension (MPLS labels, interfaces). */
  public boolean reportsExtensions() {
    return !mpls.isEmpty() || !interfaces.isEmpty();
  }
}
