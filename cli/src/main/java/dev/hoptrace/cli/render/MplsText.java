package dev.hoptrace.cli.render;

import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.util.StringJoiner;

/** MPLS label stacks (RFC 4950) as the tools people know print them. */
public final class MplsText {
  private MplsText() {}

  /** mtr's report form of one entry: {@code [MPLS: Lbl 100 TC 0 S 1 TTL 1]}. */
  public static String mtr(MplsLabelStackEntry entry) {
    return "[MPLS: Lbl " + entry.label() + " TC " + entry.trafficClass() + " S "
        + (entry.bottomOfStack() ? 1 : 0) + " TTL " + entry.ttl() + "]";
  }

  /**
   * traceroute {@code -e}'s form of a whole stack, outermost first, or "" without one:
   * {@code MPLS:L=24010,E=0,S=0,T=1/L=16,E=0,S=1,T=1}.
   */
  public static String traceroute(IcmpExtensions extensions) {
    if (extensions.mplsLabels().isEmpty()) {
      return "";
    }
    StringJoiner stack = new StringJoiner("/", "MPLS:", "");
    for (MplsLabelStackEntry e : extensions.mplsLabels()) {
      stack.add("L=" + e.label() + ",E=" + e.trafficClass() + ",S=" + (e.bottomOfStack() ? 1 : 0)
          + ",T=" + e.ttl());
    }
    return stack.toString();
  }
}
