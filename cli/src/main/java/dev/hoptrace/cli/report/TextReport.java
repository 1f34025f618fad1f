package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.AnatomyText;
import dev.hoptrace.cli.render.InterfaceText;
import dev.hoptrace.cli.render.MplsText;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.cli.render.ProbeMethod;
import dev.hoptrace.cli.render.TerminalColumns;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * mtr {@code --report} style text: a {@code Start:} line, then per target a description line, the
 * {@code HOST:} header and one row per hop, followed by the diagnosis and any dropped replies.
 * Column widths follow the widest cell, so rows stay aligned under the titles whatever the figures
 * (counted in terminal columns, where an ideograph of a place name takes two).
 */
public final class TextReport implements ReportRenderer {
  /** mtr's {@code %Y-%m-%dT%H:%M:%S%z}, with ISO-8601's colon in the offset. */
  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  /** Text shows mtr's one decimal; JSON and CSV carry the microseconds. */
  private static final int DECIMALS = 1;

  private final HopFacts facts;
  private final List<HopColumn> columns;
  private final ZoneId zone;

  public TextReport(Optional<HopNames> names, boolean wide, ZoneId zone) {
    this(HopFacts.names(names), wide, zone);
  }

  /**
   * With AS numbers ({@code -A}) a hop row is mtr's {@code -z} row, {@code " 1. AS64500  host"};
   * a place follows the host as {@code {City, CC}}.
   */
  public TextReport(HopFacts facts, boolean wide, ZoneId zone) {
    this.facts = facts;
    this.columns = wide ? HopColumn.WIDE : HopColumn.MTR;
    this.zone = zone;
  }

  @Override
  public void render(Report report, PrintStream out) {
    ReportFacts resolved = new ReportFacts(facts, report);
    StringBuilder text = new StringBuilder();
    text.append("Start: ").append(START.format(report.start().atZone(zone))).append('\n');
    String host = "HOST: " + Printable.clean(report.localHost());
    for (int i = 0; i < report.targets().size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      target(text, report.targets().get(i), host, resolved);
    }
    out.print(text);
    out.flush();
  }

  /** One line of the table: a hop row has cells; responder and MPLS lines are text only. */
  private record Line(String left, List<String> cells) {}

  private void target(StringBuilder text, LiveSnapshot target, String host, ReportFacts facts) {
    text.append(describe(target)).append('\n');
    int ttlWidth = 2;
    for (HopSnapshot hop : target.hops()) {
      ttlWidth = Math.max(ttlWidth, Integer.toString(hop.ttl()).length());
    }
    int asWidth = asWidth(target, facts);
    List<Line> lines = new ArrayList<>();
    List<HopAnatomy> anatomy = target.anatomy();
    for (int i = 0; i < target.hops().size(); i++) {
      hopLines(lines, target.hops().get(i), anatomy.get(i), ttlWidth, asWidth, facts);
    }
    table(text, host, lines);
    footer(text, target);
  }

  private static String describe(LiveSnapshot target) {
    TraceRequest request = target.request();
    SessionInfo session = target.session();
    String address = AddressText.of(request.destination());
    StringBuilder line = new StringBuilder("Target: ");
    if (request.hostName().equals(address)) {
      line.append(address);
    } else {
      line.append(Printable.clean(request.hostName())).append(" (").append(address).append(')');
    }
    line.append(", ").append(ProbeMethod.text(request, true));
    line.append(", ").append(session.mode().name().toLowerCase(Locale.ROOT)).append(" mode: ")
        .append(Printable.clean(session.description()));
    if (!session.limitation().isEmpty()) {
      line.append("; ").append(Printable.clean(session.limitation()));
    }
    return line.append(", ").append(target.rounds())
        .append(target.rounds() == 1 ? " round" : " rounds").toString();
  }

  /** The AS column's width, its widest label; 0 without {@code -A}. */
  private static int asWidth(LiveSnapshot target, ReportFacts facts) {
    if (!facts.asns()) {
      return 0;
    }
    int width = ReportFacts.UNKNOWN_AS.length(); // a silent hop's
    for (HopSnapshot hop : target.hops()) {
      for (ResponderShare r : hop.responders()) {
        width = Math.max(width, facts.asLabel(r.address()).length());
      }
    }
    return width;
  }

  /**
   * The hop's row, its anatomy marks beneath, then each further responder, each with its MPLS
   * labels and interface information beneath. With an AS column every responder's AS sits in
   * it, a further responder's host after the {@code `--}.
   */
  private void hopLines(List<Line> lines, HopSnapshot hop, HopAnatomy anatomy, int ttlWidth,
      int asWidth, ReportFacts facts) {
    List<ResponderShare> responders = hop.responders();
    String row = String.format(Locale.ROOT, "%" + ttlWidth + "d.", hop.ttl())
        + (asWidth == 0 ? "|-- " : " " + asCell(responders.isEmpty() ? ReportFacts.UNKNOWN_AS
            : facts.asLabel(responders.getFirst().address()), asWidth));
    String indent = " ".repeat(row.length());
    String label = responders.isEmpty() ? "???" : facts.label(responders.getFirst());
    if (!hop.annotation().isEmpty()) {
      label += " " + Printable.clean(hop.annotation());
    }
    List<String> cells = new ArrayList<>();
    for (HopColumn column : columns) {
      String cell = column.format(hop, DECIMALS);
      cells.add(column.unit == HopColumn.Unit.PERCENT && !cell.isEmpty() ? cell + "%" : cell);
    }
    lines.add(new Line(row + label, cells));
    List<String> marks = AnatomyText.marks(anatomy);
    if (!marks.isEmpty()) {
      lines.add(new Line(indent + String.join(" ", marks), List.of()));
    }
    for (int i = 0; i < responders.size(); i++) {
      ResponderShare responder = responders.get(i);
      if (i > 0) {
        String branch = asWidth == 0 ? " ".repeat(ttlWidth + 1) + "`-- "
            : " ".repeat(ttlWidth + 2) + asCell(facts.asLabel(responder.address()), asWidth)
                + "`-- ";
        lines.add(new Line(branch + facts.label(responder) + "  " + responder.replies() + " of "
            + hop.received() + (hop.received() == 1 ? " reply" : " replies"), List.of()));
      }
      for (MplsLabelStackEntry e : responder.extensions().mplsLabels()) {
        lines.add(new Line(indent + MplsText.mtr(e), List.of()));
      }
      for (InterfaceInformation info : responder.extensions().interfaces()) {
        lines.add(new Line(indent + InterfaceText.bracket(info), List.of()));
      }
    }
  }

  /** {@code label} left-aligned in the AS column, two spaces before the host. */
  private static String asCell(String label, int width) {
    return label + " ".repeat(width - label.length() + 2);
  }

  /** Titles and cells right-aligned in columns as wide as their widest entry. */
  private void table(StringBuilder text, String host, List<Line> lines) {
    int hostWidth = TerminalColumns.of(host);
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(5, columns.get(c).title.length());
    }
    for (Line line : lines) {
      if (!line.cells().isEmpty()) {
        hostWidth = Math.max(hostWidth, TerminalColumns.of(line.left()));
        for (int c = 0; c < widths.length; c++) {
          widths[c] = Math.max(widths[c], line.cells().get(c).length());
        }
      }
    }
    List<String> titles = columns.stream().map(c -> c.title).toList();
    text.append(row(host, titles, hostWidth, widths)).append('\n');
    for (Line line : lines) {
      String out = line.cells().isEmpty() ? line.left()
          : row(line.left(), line.cells(), hostWidth, widths);
      text.append(out).append('\n');
    }
  }

  private static String row(String left, List<String> cells, int hostWidth, int[] widths) {
    StringBuilder row = new StringBuilder(left)
        .append(" ".repeat(hostWidth - TerminalColumns.of(left) + 1));
    for (int c = 0; c < widths.length; c++) {
      row.append(' ').append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
    }
    return row.toString().stripTrailing();
  }

  private static void footer(StringBuilder text, LiveSnapshot target) {
    DropCounts d = target.drops();
    boolean dropped = d.unmatched() + d.late() + d.duplicate() + d.malformed() > 0;
    if (target.findings().isEmpty() && target.problem().isEmpty() && !dropped
        && target.pathMtu().isEmpty()) {
      return;
    }
    text.append('\n');
    target.pathMtu().ifPresent(mtu -> text.append("Path MTU: ").append(mtu.pathMtu())
        .append(" (found before the first round from ").append(mtu.startSize())
        .append("-byte probes; F=NUM marks each drop)\n"));
    if (!target.findings().isEmpty()) {
      text.append("Diagnosis:\n");
      for (Finding f : target.findings()) {
        // Each message names its hop itself.
        text.append("  ").append(Printable.clean(f.message())).append('\n');
      }
    }
    target.problem().ifPresent(p -> text.append("Problem: ").append(Printable.clean(p))
        .append('\n'));
    if (dropped) {
      text.append(String.format(Locale.ROOT,
          "Dropped replies: %d unmatched, %d late, %d duplicate, %d malformed\n",
          d.unmatched(), d.late(), d.duplicate(), d.malformed()));
    }
  }
}
