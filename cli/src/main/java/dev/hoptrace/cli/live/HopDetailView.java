package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.AnatomyText;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.core.stats.RttSummary;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * Everything known about the selected hop: all figures, each responder with its share, its AS and
 * place when known (whether or not the table shows the AS column), its labels, and what the path
 * did to the probe on the way (NAT, TOS re-marking, quoted TTL, return path).
 */
record HopDetailView(TargetFrame target, ViewState state, HopText text, Glyphs glyphs, int width) {

  List<AttributedString> lines(int height) {
    List<HopSnapshot> hops = target.snapshot().hops();
    List<AttributedString> out = new ArrayList<>();
    int focus = state.focusIndex(hops);
    if (focus < 0) {
      out.add(new Line().add("    (no hops yet)", Styles.DIM).build());
      return out;
    }
    HopSnapshot hop = hops.get(focus);
    Line title = new Line().add("Hop " + hop.ttl(), Styles.TITLE)
        .add(" of " + hops.size() + ", " + hop.responders().size()
            + (hop.responders().size() == 1 ? " responder" : " responders"));
    if (hop.destination()) {
      title.add(", the destination", Styles.GOOD);
    }
    if (!hop.annotation().isEmpty()) {
      title.add("  " + hop.annotation(), Styles.ALERT);
    }
    out.add(title.build());

    RttSummary rtt = hop.rtt();
    JitterSummary jitter = hop.jitter();
    out.add(figures("probes", "sent", Column.count(hop.sent()), "received",
        Column.count(hop.received()), "loss", hop.sent() == 0 ? "-" : Column.percent(hop.lossPercent()),
        "forward", Column.count(hop.forwardLoss()), "backward", Column.count(hop.backwardLoss())));
    out.add(figures("RTT ms", "last", Column.millis(rtt.last()), "avg", Column.millis(rtt.avg()),
        "best", Column.millis(rtt.best()), "worst", Column.millis(rtt.worst()),
        "stdev", Column.millis(rtt.stdev())));
    out.add(figures("jitter", "last", Column.millis(jitter.jitter()), "avg",
        Column.millis(jitter.javg()), "max", Column.millis(jitter.jmax()),
        "interarrival", Column.millis(jitter.jint())));

    int spark = Math.max(0, width - 9);
    out.add(new Line().add("  RTT    ", Styles.DIM)
        .add(Sparkline.of(hop.samples(), spark, Sparkline.max(hop.samples()), glyphs)).build());
    out.add(new Line().add("  loss   ", Styles.DIM)
        .add(Sparkline.lossStrip(hop.samples(), Math.min(spark, hop.samples().size()), glyphs))
        .build());
    HopAnatomy anatomy = target.snapshot().anatomy().get(focus);
    for (String sentence : AnatomyText.sentences(anatomy)) {
      out.add(new Line().add("  " + sentence, Styles.EXTENSION).build());
    }
    out.add(Line.blank());

    List<AttributedString> responders = responders(hop);
    int room = height - out.size() - 1;
    if (responders.size() > room && room >= 1) {
      int hidden = responders.size() - (room - 1);
      out.addAll(responders.subList(0, room - 1));
      out.add(new Line().add("  " + glyphs.down() + " " + hidden + " more lines", Styles.DIM).build());
    } else {
      out.addAll(responders.subList(0, Math.max(0, Math.min(responders.size(), room))));
    }
    if (out.size() < height) {
      DropCounts d = target.snapshot().drops();
      out.add(new Line().add("dropped replies (whole trace): " + d.unmatched()
          + " unmatched, " + d.late() + " late, " + d.duplicate() + " duplicate, "
          + d.malformed() + " malformed", Styles.DIM).build());
    }
    return out;
  }

  private List<AttributedString> responders(HopSnapshot hop) {
    List<AttributedString> lines = new ArrayList<>();
    if (hop.responders().isEmpty()) {
      lines.add(new Line().add("  no replies" + (hop.sent() > 0 ? " (" + HopText.SILENT + ")" : ""),
          Styles.DIM).build());
      return lines;
    }
    int nameWidth = Math.max(16, width - 2 - 8 - 10);
    lines.add(new Line().add("  " + Text.left("responder", nameWidth, glyphs)
        + Text.right("share", 8) + Text.right("replies", 10), Styles.COLUMN_HEADER).build());
    for (ResponderShare r : hop.responders()) {
      String host = state.dns() ? text.hostAndAddress(r.address()) : text.host(r.address());
      lines.add(new Line().add("  " + Text.left(host, nameWidth, glyphs))
          .add(Text.right(HopText.share(r, hop), 8) + Text.right(Column.count(r.replies()), 10))
          .build());
      text.origin(r.address()).ifPresent(origin -> lines.add(
          new Line().add("    " + Text.shorten(origin, width - 4, glyphs), Styles.DIM).build()));
      for (String label : HopText.mpls(r)) {
        lines.add(new Line().add("    " + label, Styles.EXTENSION).build());
      }
      for (InterfaceInformation info : r.extensions().interfaces()) {
        lines.add(new Line().add("    " + HopText.interfaceInfo(info), Styles.EXTENSION).build());
      }
    }
    return lines;
  }

  /** "  RTT ms  last 12.3  avg 11.0 ...": a title, then name/value pairs. */
  private static AttributedString figures(String title, String... pairs) {
    Line line = new Line().add("  " + Text.left(title, 7, Glyphs.ASCII), Styles.DIM);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      line.add("  " + pairs[i] + " ", Styles.DIM).add(pairs[i + 1]);
    }
    return line.build();
  }
}
