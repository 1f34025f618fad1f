package dev.hoptrace.core.anatomy;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one hop shows of the path's shape beyond its address: marks every renderer prints, each
 * in its own notation (docs/anatomy.md).
 *
 * @param ttl the hop's TTL
 * @param nat a NAT lies between the previous hop that quoted the probe and this one: this hop's
 *     quote shows the probe rewritten, the earlier one did not (or differently)
 * @param tos the quoted TOS / traffic class differs from the one the previous quoting hop showed
 *     (from the one sent, at the first): a router before this hop re-marked it
 * @param quotedTtl the TTL the probe had left when quoted, when it is not 1 (0: a router that
 *     quotes after decrementing; more than 1: one that quotes a TTL it did not expire on, such as
 *     an MPLS tunnel end or a middlebox)
 * @param returnHops the estimated number of hops the reply came back over, when that is not the
 *     forward count (an asymmetric path, or a responder with an unusual initial TTL)
 * @param learnedMtu the smaller path MTU that path MTU discovery ({@code --mtu}) first sent this
 *     hop's probes with: the link before this hop, or one further back, is that narrow
 *     (traceroute's {@code F=NUM}); empty where the MTU did not drop or nothing was discovered
 */
public record HopAnatomy(
    int ttl,
    Optional<Nat> nat,
    Optional<TosChange> tos,
    OptionalInt quotedTtl,
    OptionalInt returnHops,
    OptionalInt learnedMtu) {

  /**
   * A NAT before the hop.
   *
   * @param translatedSource the source address the quote shows in place of ours, when it shows one
   *     (a checksum-only sign leaves it empty)
   */
  public record Nat(Optional<InetAddress> translatedSource) {
    public Nat {
      Objects.requireNonNull(translatedSource, "translatedSource");
    }
  }

  /**
   * The TOS byte (IPv4) or traffic class (IPv6) changed on the way to the hop.
   *
   * @param from as the previous quoting hop showed it, or as sent
   * @param to as this hop quoted it
   */
  public record TosChange(int from, int to) {
    /** The DSCP this hop saw: the upper six bits. */
    public int dscp() {
      return to >>> 2;
    }
  }

  public HopAnatomy {
    Objects.requireNonNull(nat, "nat");
    Objects.requireNonNull(tos, "tos");
    Objects.requireNonNull(quotedTtl, "quotedTtl");
    Objects.requireNonNull(returnHops, "returnHops");
    Objects.requireNonNull(learnedMtu, "learnedMtu");
  }

  /** The marks found in the replies, without an MTU. */
  public HopAnatomy(int ttl, Optional<Nat> nat, Optional<TosChange> tos, OptionalInt quotedTtl,
      OptionalInt returnHops) {
    this(ttl, nat, tos, quotedTtl, returnHops, OptionalInt.empty());
  }

  /** The same hop where path MTU discovery learnt {@code mtu}. */
  public HopAnatomy withLearnedMtu(int mtu) {
    return new HopAnatomy(ttl, nat, tos, quotedTtl, returnHops, OptionalInt.of(mtu));
  }

  /** A hop with nothing to mark. */
  public static HopAnatomy plain(int ttl) {
    return new HopAnatomy(ttl, Optional.empty(), Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty());
  }

  /** True when there is nothing to mark. */
  public boolean isEmpty() {
    return nat.isEmpty() && tos.isEmpty() && quotedTtl.isEmpty() && returnHops.isEmpty()
        && learnedMtu.isEmpty();
  }
}
