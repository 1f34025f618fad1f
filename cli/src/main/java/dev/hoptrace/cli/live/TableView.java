package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.AnatomyText;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * mtr's table: a title row, one row per hop, its anatomy marks (NAT, TOS, quoted TTL, return
 * path), further responders, MPLS labels and interface information under their hop,
 * and the diagnosis below. When the screen is short the extra lines fold away (except for the
 * expanded hop), then the rows scroll to keep the selected hop in sight, and the diagnosis keeps
 * at least its first lines.
 */
record TableView(TargetFrame target, ViewState state, HopText text, Glyphs glyphs, int width) {
  /** Diagnosis lines kept on screen however many hops compete for the rows (fewer on a short one). */
  static final int FINDINGS_KEPT = 3;
  /** The AS column's title; the column is never narrower. */
  private static final String AS_TITLE = "AS";

  /** One hop's lines: its row, then what the hop shows under it when unfolded. */
  private record Entry(AttributedString row, List<AttributedString> details) {}

  List<AttributedString> lines(int height) {
    List<HopSnapshot> hops = target.snapshot().hops();
    List<AttributedString> findings = findings();
    Columns columns = columns(hops);
    List<AttributedString> out = new ArrayList<>();
    if (height <= 0) {
      return out;
    }
    out.add(titleRow(columns));
    // Hop lines first, but the diagnosis keeps its first lines however long the path.
    List<HopAnatomy> anatomy = target.snapshot().anatomy();
    int unfolded = unfoldedRows(hops, anatomy);
    int findingRows = 1 + unfolded + findings.size() <= height ? findings.size()
        : Math.min(findings.size(), Math.clamp(height / 4, 1, FINDINGS_KEPT));
    int tableRows = Math.max(1, height - 1 - findingRows);
    boolean unfold = unfolded <= tableRows;
    List<AttributedString> body = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < hops.size(); i++) {
      HopSnapshot hop = hops.get(i);
      boolean open = unfold || hop.ttl() == state.expandedTtl();
      Entry entry = entry(hop, anatomy.get(i), columns, open);
      body.add(entry.row());
      owner.add(i);
      for (AttributedString detail : entry.details()) {
        body.add(detail);
        owner.add(-1 - i);  // a detail line of hop i
      }
    }
    if (hops.isEmpty()) {
      body.add(new Line().add("    (no hops yet)", Styles.DIM).build());
      owner.add(-1);
    }
    out.addAll(window(body, owner, hops, tableRows));
    int left = height - out.size();
    if (left > findings.size() && !findings.isEmpty()) {
      out.add(Line.blank());
      left--;
    }
    out.addAll(findings.subList(0, Math.min(left, findings.size())));
    return out;
  }

  private Columns columns(List<HopSnapshot> hops) {
    int hostWanted = 0;
    int samples = 0;
    boolean asColumn = state.asn() && text.asns();
    int asWanted = asColumn ? AS_TITLE.length() : 0;
    for (HopSnapshot hop : hops) {
      hostWanted = Math.max(hostWanted, Text.width(hostCell(hop, true)));
      samples = Math.max(samples, hop.samples().size());
      if (asColumn) {
        for (ResponderShare r : hop.responders()) {
          asWanted = Math.max(asWanted, Text.width(text.as(r.address())));
        }
      }
    }
    return Columns.fit(state.columns(), width, hostWanted, samples, asWanted);
  }

  private AttributedString titleRow(Columns columns) {
    Line line = new Line();
    line.add(Text.right("#", Columns.TTL - 1) + " ", Styles.COLUMN_HEADER);
    if (columns.as() > 0) {
      line.add(Text.left(AS_TITLE, columns.as(), glyphs) + " ", Styles.COLUMN_HEADER);
    }
    line.add(Text.left("Host", columns.host(), glyphs), Styles.COLUMN_HEADER);
    for (Column c : columns.numbers()) {
      line.add(" " + Text.right(c.title(), c.width()), Styles.COLUMN_HEADER);
    }
    if (columns.sparkline() > 0) {
      String title = columns.sparkline() >= 18 ? "RTT (newest right)" : "RTT";
      line.add(" " + Text.left(title, columns.sparkline(), glyphs),
          Styles.COLUMN_HEADER);
    }
    if (columns.lossStrip() > 0) {
      String title = columns.lossStrip() >= 12 ? "Loss history" : "Loss";
      line.add(" " + Text.left(title, columns.lossStrip(), glyphs),
          Styles.COLUMN_HEADER);
    }
    return line.build();
  }

  /** Lines the hops take with every hop unfolded. */
  private static int unfoldedRows(List<HopSnapshot> hops, List<HopAnatomy> anatomy) {
    int rows = Math.max(1, hops.size());
    for (int i = 0; i < hops.size(); i++) {
      rows += detailCount(hops.get(i), anatomy.get(i));
    }
    return rows;
  }

  private static int detailCount(HopSnapshot hop, HopAnatomy anatomy) {
    int n = anatomy.isEmpty() ? 0 : 1;
    List<ResponderShare> responders = hop.responders();
    for (int i = 0; i < responders.size(); i++) {
      ResponderShare r = responders.get(i);
      n += (i > 0 ? 1 : 0) + r.extensions().mplsLabels().size() + r.extensions().interfaces().size();
    }
    return n;
  }

  /** The host cell: first responder, its share when there are several, annotation. */
  private String hostCell(HopSnapshot hop, boolean open) {
    return text.firstHost(hop) + hostSuffix(hop, open, true);
  }

  /**
   * What follows the name, kept whole when a long name is shortened: " (62%) +1 !H"; without the
   * share when even that does not fit ("+1" still says there is more to unfold).
   */
  private static String hostSuffix(HopSnapshot hop, boolean open, boolean withShare) {
    StringBuilder suffix = new StringBuilder();
    List<ResponderShare> responders = hop.responders();
    if (responders.size() > 1) {
      if (withShare) {
        suffix.append(" (").append(HopText.share(responders.getFirst(), hop)).append(')');
      }
      if (!open) {
        suffix.append(" +").append(responders.size() - 1);
      }
    }
    if (!hop.annotation().isEmpty()) {
      suffix.append(' ').append(hop.annotation());
    }
    return Text.clean(suffix.toString());
  }

  /** The host cell in {@code width}: the name gives way to the suffix while it keeps 8 columns. */
  private String fitHost(HopSnapshot hop, boolean open, int width) {
    String name = text.firstHost(hop);
    int keep = Math.min(Text.width(name), 8);
    for (boolean withShare : new boolean[] {true, false}) {
      String suffix = hostSuffix(hop, open, withShare);
      int room = width - Text.width(suffix);
      if (room >= keep) {
        return Text.left(Text.shorten(name, room, glyphs) + suffix, width, glyphs);
      }
    }
    return Text.left(name, width, glyphs);
  }

  private Entry entry(HopSnapshot hop, HopAnatomy anatomy, Columns columns, boolean open) {
    boolean selected = hop.ttl() == state.selectedTtl();
    Line row = new Line(selected);
    row.add(Text.right(Integer.toString(hop.ttl()), Columns.TTL - 1) + " ");
    if (columns.as() > 0) {
      row.add(Text.left(text.firstAs(hop), columns.as(), glyphs) + " ");
    }
    row.add(fitHost(hop, open, columns.host()),
        hop.responders().isEmpty() ? Styles.DIM : Styles.PLAIN);
    for (Column c : columns.numbers()) {
      row.add(" ");
      row.add(Text.right(c.text(hop), c.width()), c == Column.LOSS ? lossStyle(hop) : Styles.PLAIN);
    }
    if (columns.sparkline() > 0) {
      row.add(" ");
      row.addGraphic(Sparkline.of(hop.samples(), columns.sparkline(),
          Sparkline.max(hop.samples()), glyphs));
    }
    if (columns.lossStrip() > 0) {
      // Plain like the graphics it separates: the highlight ends where the bars begin.
      row.addGraphic(new AttributedString(" "));
      row.addGraphic(Sparkline.lossStrip(hop.samples(), columns.lossStrip(), glyphs));
    }
    List<AttributedString> details = new ArrayList<>();
    if (open) {
      // Under the host, indented; a further responder's AS in the AS column.
      int indent = columns.hostStart() + 2;
      if (!anatomy.isEmpty()) {
        details.add(new Line().padTo(indent).add(String.join(" ", AnatomyText.marks(anatomy)),
            Styles.EXTENSION).build());
      }
      List<ResponderShare> responders = hop.responders();
      for (int i = 0; i < responders.size(); i++) {
        ResponderShare r = responders.get(i);
        if (i > 0) {
          Line line = new Line();
          if (columns.as() > 0) {
            line.padTo(Columns.TTL).add(Text.left(text.as(r.address()), columns.as(), glyphs));
          }
          details.add(line.padTo(indent)
              .add(text.host(r.address()) + " (" + HopText.share(r, hop) + ")").build());
        }
        for (String label : HopText.mpls(r)) {
          details.add(new Line().padTo(indent + 2).add(label, Styles.EXTENSION).build());
        }
        for (InterfaceInformation info : r.extensions().interfaces()) {
          details.add(new Line().padTo(indent + 2).add(HopText.interfaceInfo(info),
              Styles.EXTENSION).build());
        }
      }
    }
    return new Entry(row.build(), details);
  }

  private AttributedStyle lossStyle(HopSnapshot hop) {
    if (hop.lost() == 0) {
      return Styles.PLAIN;
    }
    if (rateLimited().contains(hop.ttl())) {
      // The diagnosis says this loss is the router's ICMP limit, not lost traffic.
      return Styles.DIM;
    }
    return hop.silent() ? Styles.BAD : Styles.WARN;
  }

  private Set<Integer> rateLimited() {
    Set<Integer> ttls = new HashSet<>();
    for (Finding f : target.snapshot().findings()) {
      if (f.kind() == Finding.Kind.RATE_LIMITED) {
        ttls.add(f.ttl());
      }
    }
    return ttls;
  }

  /**
   * At most {@code rows} of {@code body}: all of it when it fits, else a window that holds the
   * selected hop with the lines under it, and "more" markers where lines were left out.
   */
  private List<AttributedString> window(List<AttributedString> body, List<Integer> owner,
      List<HopSnapshot> hops, int rows) {
    if (body.size() <= rows) {
      return body;
    }
    if (rows < 3) {
      return body.subList(0, Math.max(0, rows));
    }
    // The selected hop's block: its row and its detail lines.
    int selected = ViewState.indexOf(hops, state.selectedTtl());
    int first = 0;
    int last = 0;
    for (int i = 0; i < owner.size() && selected >= 0; i++) {
      if (owner.get(i) == selected) {
        first = i;
        last = i;
      } else if (owner.get(i) == -1 - selected) {
        last = i;
      }
    }
    // Centre the block between two markers; at either end one marker is enough.
    int shown = rows - 2;
    int start = Math.clamp(first - (shown - (last - first + 1)) / 2, 0, body.size() - shown);
    if (start == 0) {
      shown = rows - 1;
    } else if (start == body.size() - shown) {
      shown = rows - 1;
      start = body.size() - shown;
    }
    List<AttributedString> out = new ArrayList<>();
    if (start > 0) {
      out.add(marker(glyphs.up(), hopsIn(owner, 0, start), "above"));
    }
    out.addAll(body.subList(start, start + shown));
    if (start + shown < body.size()) {
      out.add(marker(glyphs.down(), hopsIn(owner, start + shown, body.size()), "below"));
    }
    return out;
  }

  private static int hopsIn(List<Integer> owner, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (owner.get(i) >= 0) {
        n++;
      }
    }
    return n;
  }

  private AttributedString marker(String arrow, int hops, String where) {
    String what = hops == 0 ? "more lines " + where
        : hops + (hops == 1 ? " more hop " : " more hops ") + where;
    return new Line().padTo(Columns.TTL)
        .add(arrow + " " + what + " (" + glyphs.up() + glyphs.down() + " to scroll)", Styles.DIM)
        .build();
  }

  private List<AttributedString> findings() {
    List<AttributedString> lines = new ArrayList<>();
    for (Finding f : target.snapshot().findings()) {
      String message = Text.clean(f.message()); // each message names its hop itself
      List<String> wrapped = Text.wrap(message, width - 3);
      for (int i = 0; i < wrapped.size(); i++) {
        Line line = new Line();
        line.add(i == 0 ? " * " : "   ", i == 0 ? style(f.kind()) : Styles.PLAIN);
        line.add(wrapped.get(i));
        lines.add(line.build());
      }
    }
    return lines;
  }

  static AttributedStyle style(Finding.Kind kind) {
    return switch (kind) {
      case CLEAN -> Styles.GOOD;
      case RATE_LIMITED -> Styles.DIM.bold();
      case SILENT_HOP, DESTINATION_SILENT, NOT_SENT -> Styles.WARN.bold();
      case FORWARD_LOSS, UNREACHABLE -> Styles.ALERT;
    };
  }
}
