package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.AnatomyText;
import dev.hoptrace.cli.render.InterfaceText;
import dev.hoptrace.cli.render.MplsText;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.lookup.geo.Place;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180 quoting, LF line ends): a header row, then one row per responder of
 * every hop of every target. The hop's figures sit on its first row only, so summing a column
 * never counts a hop twice; further responders' rows carry their own address, name and reply
 * count with the figures empty. A silent hop is one row with no address. With {@code -A} an
 * {@code Asn} column follows, with {@code --geo-db} {@code Country} and {@code City}, with {@code
 * --mtu} {@code Learned_Mtu} (the hop's F=NUM): at the end, so a reader that knows the columns by position still finds them. The columns are in
 * docs/report.md.
 */
public final class CsvReport implements ReportRenderer {
  /** Microseconds, as in the trace JSON. */
  private static final int DECIMALS = 3;
  private static final List<HopColumn> FIGURES = List.of(HopColumn.values());

  private final HopFacts facts;

  public CsvReport(Optional<HopNames> names) {
    this(HopFacts.names(names));
  }

  public CsvReport(HopFacts facts) {
    this.facts = facts;
  }

  static List<String> header(boolean asns, boolean places, boolean mtu) {
    List<String> header = new ArrayList<>(
        List.of("Start_Time", "Target", "Target_Ip", "Hop", "Ip", "Name", "Replies"));
    FIGURES.forEach(c -> header.add(c.title));
    header.addAll(List.of("Annotation", "Destination", "Mpls", "Interfaces", "Nat", "Tos",
        "Quoted_Ttl", "Return_Hops"));
    if (asns) {
      header.add("Asn");
    }
    if (places) {
      header.addAll(List.of("Country", "City"));
    }
    if (mtu) {
      header.add("Learned_Mtu");
    }
    return header;
  }

  @Override
  public void render(Report report, PrintStream out) {
    ReportFacts resolved = new ReportFacts(facts, report);
    StringBuilder text = new StringBuilder();
    boolean mtu = report.targets().stream().anyMatch(t -> t.pathMtu().isPresent());
    record(text, header(resolved.asns(), resolved.places(), mtu));
    String start = report.start().truncatedTo(ChronoUnit.SECONDS).toString();
    for (LiveSnapshot target : report.targets()) {
      List<String> prefix = List.of(start, target.request().hostName(),
          AddressText.of(target.request().destination()));
      List<HopAnatomy> anatomy = target.anatomy();
      for (int i = 0; i < target.hops().size(); i++) {
        hopRows(text, prefix, target.hops().get(i), anatomy.get(i), mtu, resolved);
      }
    }
    out.print(text);
    out.flush();
  }

  private static void hopRows(StringBuilder text, List<String> prefix, HopSnapshot hop,
      HopAnatomy anatomy, boolean mtu, ReportFacts facts) {
    List<ResponderShare> responders = hop.responders();
    int rows = Math.max(1, responders.size());
    for (int i = 0; i < rows; i++) {
      List<String> row = new ArrayList<>(prefix);
      row.add(Integer.toString(hop.ttl()));
      if (responders.isEmpty()) {
        row.addAll(List.of("", "", ""));
      } else {
        ResponderShare r = responders.get(i);
        row.add(AddressText.of(r.address()));
        row.add(facts.name(r.address()).orElse(""));
        row.add(Long.toString(r.replies()));
      }
      boolean first = i == 0;
      FIGURES.forEach(c -> row.add(first ? c.format(hop, DECIMALS) : ""));
      row.add(first ? hop.annotation() : "");
      row.add(first ? Boolean.toString(hop.destination()) : "");
      row.add(responders.isEmpty() ? "" : responders.get(i).extensions().mplsLabels().stream()
          .map(MplsText::mtr).collect(Collectors.joining(" ")));
      row.add(responders.isEmpty() ? "" : responders.get(i).extensions().interfaces().stream()
          .map(InterfaceText::bracket).collect(Collectors.joining(" ")));
      row.addAll(first ? anatomy(anatomy) : List.of("", "", "", ""));
      Optional<InetAddress> address = responders.isEmpty() ? Optional.empty()
          : Optional.of(responders.get(i).address());
      if (facts.asns()) {
        row.add(address.flatMap(facts::as).map(as -> Long.toString(as.number())).orElse(""));
      }
      if (facts.places()) {
        Optional<Place> place = address.flatMap(facts::place);
        row.add(place.map(Place::countryLabel).orElse(""));
        row.add(place.map(Place::city).orElse(""));
      }
      if (mtu) {
        row.add(first && anatomy.learnedMtu().isPresent()
            ? Integer.toString(anatomy.learnedMtu().getAsInt()) : "");
      }
      record(text, row);
    }
  }

  /** Nat (the quoted source, or "rewritten"), Tos ("0x00>0xb8"), Quoted_Ttl, Return_Hops. */
  private static List<String> anatomy(HopAnatomy a) {
    return List.of(
        a.nat().map(n -> n.translatedSource().map(AddressText::of).orElse("rewritten")).orElse(""),
        a.tos().map(AnatomyText::tos).orElse(""),
        a.quotedTtl().isPresent() ? Integer.toString(a.quotedTtl().getAsInt()) : "",
        a.returnHops().isPresent() ? Integer.toString(a.returnHops().getAsInt()) : "");
  }

  /**
   * One record; a field is quoted when it holds a comma or quote (RFC 4180 §2). Line breaks, which
   * would need quoting too, never get this far: Printable turns them into '?' like every control.
   */
  private static void record(StringBuilder text, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      String field = Printable.clean(fields.get(i));
      if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) {
        text.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        text.append(field);
      }
    }
    text.append('\n');
  }
}
