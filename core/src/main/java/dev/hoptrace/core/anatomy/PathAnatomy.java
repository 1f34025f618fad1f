package dev.hoptrace.core.anatomy;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.net.QuotedIpHeader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Derives each hop's {@link HopAnatomy} from what the hops showed, in TTL order, once for every
 * renderer. A change is reported at the first hop whose quote shows it, which is the hop after the
 * router (or NAT) that made it, as Dublin traceroute reports NAT: the router that rewrites a probe
 * quotes it as it arrived, before the rewrite.
 *
 * <p>Hops without a quote (silent, unprivileged mode, echo replies) mark nothing and carry the
 * last quote's state on to the next hop that has one.
 */
public final class PathAnatomy {
  private PathAnatomy() {}

  /**
   * @param hops the hops in TTL order
   * @param sentTos the TOS / traffic class the probes left with
   */
  public static List<HopAnatomy> of(List<HopEvidence> hops, int sentTos) {
    List<HopAnatomy> anatomy = new ArrayList<>(hops.size());
    Sign before = Sign.NONE;
    int tosBefore = sentTos;
    for (HopEvidence hop : hops) {
      Optional<HopAnatomy.Nat> nat = Optional.empty();
      Optional<HopAnatomy.TosChange> tos = Optional.empty();
      OptionalInt quotedTtl = OptionalInt.empty();
      if (hop.quote().isPresent()) {
        QuotedIpHeader q = hop.quote().get();
        Sign sign = Sign.of(q);
        if (q.translated() && !sign.equals(before)) {
          nat = Optional.of(new HopAnatomy.Nat(q.translatedSource()));
        }
        before = sign;
        if (q.tos() != tosBefore) {
          tos = Optional.of(new HopAnatomy.TosChange(tosBefore, q.tos()));
        }
        tosBefore = q.tos();
        if (q.ttl() != 1) {
          quotedTtl = OptionalInt.of(q.ttl());
        }
      }
      OptionalInt back = hop.returnHops() > 0 && hop.returnHops() != hop.ttl()
          ? OptionalInt.of(hop.returnHops()) : OptionalInt.empty();
      anatomy.add(new HopAnatomy(hop.ttl(), nat, tos, quotedTtl, back));
    }
    return List.copyOf(anatomy);
  }

  /** The anatomy of a one-shot trace's hops. */
  public static List<HopAnatomy> ofHops(List<Hop> hops, int sentTos) {
    return of(hops.stream().map(HopEvidence::of).toList(), sentTos);
  }

  /** What a quote shows of a translation: two hops behind the same NAT show the same. */
  private record Sign(Optional<InetAddress> source, boolean checksum) {
    static final Sign NONE = new Sign(Optional.empty(), false);

    static Sign of(QuotedIpHeader q) {
      return new Sign(q.translatedSource(), q.checksumRewritten());
    }
  }
}
