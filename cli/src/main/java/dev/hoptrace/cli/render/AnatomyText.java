package dev.hoptrace.cli.render;

import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.packet.AddressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hop's path anatomy as short marks, the notation of the one-shot text, the report and the live
 * table (README, docs/anatomy.md): {@code NAT=198.18.2.1} (a NAT between the previous hop and
 * this one; {@code NAT} alone when only the checksum showed it), {@code TOS=0x00>0xb8} (re-marked
 * on the way here: as before, as now), {@code qTTL=2} (the probe's TTL when quoted, not 1),
 * {@code back=5} (return hops, when not the forward count).
 */
public final class AnatomyText {
  private AnatomyText() {}

  /** Every mark, in that order. */
  public static List<String> marks(HopAnatomy anatomy) {
    return marks(anatomy, true);
  }

  /**
   * @param back whether to include the return-path mark (the one-shot text shows it as
   *     traceroute's {@code '-N'} instead, with {@code --back})
   */
  public static List<String> marks(HopAnatomy anatomy, boolean back) {
    List<String> marks = new ArrayList<>();
    anatomy.nat().ifPresent(nat -> marks.add(
        nat.translatedSource().map(a -> "NAT=" + AddressText.of(a)).orElse("NAT")));
    anatomy.tos().ifPresent(t -> marks.add("TOS=" + tos(t)));
    anatomy.quotedTtl().ifPresent(ttl -> marks.add("qTTL=" + ttl));
    if (back) {
      anatomy.returnHops().ifPresent(hops -> marks.add("back=" + hops));
    }
    anatomy.learnedMtu().ifPresent(mtu -> marks.add("F=" + mtu));
    return marks;
  }

  /** Sentences for the hop detail view, one per mark. */
  public static List<String> sentences(HopAnatomy anatomy) {
    List<String> lines = new ArrayList<>();
    anatomy.nat().ifPresent(nat -> lines.add(nat.translatedSource()
        .map(a -> "NAT before this hop: the probe arrived from " + AddressText.of(a))
        .orElse("NAT before this hop: the probe's checksum was rewritten")));
    anatomy.tos().ifPresent(t -> lines.add("TOS re-marked before this hop: " + hex(t.from())
        + " -> " + hex(t.to()) + " (DSCP " + t.dscp() + ")"));
    anatomy.quotedTtl().ifPresent(ttl -> lines.add("quoted TTL " + ttl + " (1 expected)"));
    anatomy.returnHops().ifPresent(hops -> lines.add(
        "reply came back over about " + hops + " hops, not " + anatomy.ttl()));
    anatomy.learnedMtu().ifPresent(mtu -> lines.add("path MTU " + mtu
        + " from this hop on (F=" + mtu + "): larger probes did not get here, found once at"
        + " the start"));
    return lines;
  }

  /** {@code 0x00>0xb8}: the TOS byte as it was, as it is now. */
  public static String tos(HopAnatomy.TosChange change) {
    return hex(change.from()) + ">" + hex(change.to());
  }

  static String hex(int tos) {
    return String.format(Locale.ROOT, "0x%02x", tos);
  }
}
