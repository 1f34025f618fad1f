package dev.hoptrace.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The address blocks a router or the destination owns besides its link addresses, and what the
 * addresses in them answer. Every router routes them toward their owner; the lab makes each one
 * local to the owner (Linux AnyIP: a {@code local} route), so a few thousand destinations need
 * no more nodes than the few routers in front of them.
 *
 * @param prefixes the blocks, either family
 * @param hosts how probes addressed into them are answered
 */
public record OwnedPrefixes(List<Prefix> prefixes, Hosts hosts) {

  /** What a probe to an address of the block meets at its owner. */
  public enum Hosts {
    /** A host: the owner answers as for its own address (the destination as its udp, icmp and
     *  tcp keys say, a router as a plain Linux host), from the address probed. */
    ANSWER,
    /** A host that answers nothing (a firewall drops what arrives for it). */
    SILENT,
    /** Nobody there: the owner forwards toward the block and answers Host Unreachable (!H)
     *  from its interface, as a router whose LAN has no such host. The owner's own hop still
     *  answers Time Exceeded. */
    UNREACHABLE
  }

  public static final OwnedPrefixes NONE = new OwnedPrefixes(List.of(), Hosts.ANSWER);

  public OwnedPrefixes {
    prefixes = List.copyOf(prefixes);
    Objects.requireNonNull(hosts, "hosts");
  }

  public boolean isEmpty() {
    return prefixes.isEmpty();
  }

  /** Whether one of the blocks holds {@code address}. */
  public boolean contains(java.net.InetAddress address) {
    return prefixes.stream().anyMatch(p -> p.contains(address));
  }

  /** The blocks of one family. */
  public List<Prefix> of(boolean ipv6) {
    return prefixes.stream().filter(p -> p.ipv6() == ipv6).toList();
  }
}
