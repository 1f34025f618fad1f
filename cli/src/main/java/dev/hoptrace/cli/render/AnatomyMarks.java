package dev.hoptrace.cli.render;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.anatomy.PathAnatomy;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.util.ArrayList;
import java.util.List;

/**
 * What the one-shot text adds to a hop line for path anatomy and {@code -e}: the hop's marks at
 * the end of the line ({@link AnatomyText}, without the return path, which {@code --back} shows
 * as traceroute does), and a reply's extensions after its responder. Hops come in TTL order and
 * each is compared with those before, so one instance serves one trace, on one thread.
 */
final class AnatomyMarks {
  private final List<Hop> printed = new ArrayList<>();
  private volatile int sentTos;

  /** The TOS / traffic class the probes leave with ({@code -t}). */
  void sent(int tos) {
    sentTos = tos;
  }

  /** {@code "  NAT=198.18.2.1 TOS=0x00>0xb8"} for the next hop, or "" with nothing to mark. */
  String of(Hop hop) {
    printed.add(hop);
    List<String> marks = AnatomyText.marks(PathAnatomy.ofHops(printed, sentTos).getLast(), false);
    return marks.isEmpty() ? "" : "  " + String.join(" ", marks);
  }

  /** {@code " <MPLS:L=..> <IF:in,..>"}, as far as the reply has them; "" without any. */
  static String extensions(IcmpExtensions extensions) {
    StringBuilder text = new StringBuilder();
    String mpls = MplsText.traceroute(extensions);
    if (!mpls.isEmpty()) {
      text.append(" <").append(mpls).append('>');
    }
    InterfaceText.traceroute(extensions).forEach(i -> text.append(" <").append(i).append('>'));
    return text.toString();
  }
}
