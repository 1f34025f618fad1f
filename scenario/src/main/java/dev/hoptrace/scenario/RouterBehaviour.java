package dev.hoptrace.scenario;

import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a router does besides forwarding.
 *
 * @param icmp whether and how often it sends ICMP errors (Time Exceeded, Unreachable)
 * @param replyFromV4 answer from this IPv4 address instead of the inbound interface's
 * @param replyFromV6 answer from this IPv6 address instead of the inbound interface's
 * @param mpls the label stack it reports in its Time Exceeded (RFC 4884 + RFC 4950), outermost first
 * @param nat masquerade: rewrite the source of traffic it forwards toward the destination to its
 *     outbound address, and translate the replies (and the probes quoted in ICMP errors) back
 * @param balancing how it spreads traffic over several equally short next hops
 * @param filter what it does with traffic it would forward toward the destination
 */
public record RouterBehaviour(
    IcmpPolicy icmp,
    Optional<Inet4Address> replyFromV4,
    Optional<Inet6Address> replyFromV6,
    List<MplsLabelStackEntry> mpls,
    boolean nat,
    Balancing balancing,
    Filter filter) {

  /** Per-flow hashes the fields load balancers hash (addresses, protocol, ports, flow label);
   *  per-packet sends each packet to the next next hop in turn. */
  public enum Balancing { PER_FLOW, PER_PACKET }

  /** Answers, balances per flow, forwards everything. */
  public static final RouterBehaviour DEFAULT = new RouterBehaviour(IcmpPolicy.ANSWER,
      Optional.empty(), Optional.empty(), List.of(), false, Balancing.PER_FLOW, Filter.NONE);

  public RouterBehaviour {
    Objects.requireNonNull(icmp, "icmp");
    Objects.requireNonNull(replyFromV4, "replyFromV4");
    Objects.requireNonNull(replyFromV6, "replyFromV6");
    Objects.requireNonNull(balancing, "balancing");
    Objects.requireNonNull(filter, "filter");
    mpls = List.copyOf(mpls);
    if (mpls.size() > 8) {
      throw new IllegalArgumentException("an MPLS label stack here has at most 8 entries");
    }
  }
}
