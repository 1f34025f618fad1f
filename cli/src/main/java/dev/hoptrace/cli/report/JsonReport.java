package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.render.AnatomyJson;
import dev.hoptrace.cli.render.JsonRenderer;
import dev.hoptrace.cli.render.JsonWriter;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.cli.render.ProbeMethod;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as one JSON document, {@code {"hoptrace":..., "start":..., "reports":[...]}}, one
 * entry per target; the schema is in docs/report.md. Names follow the trace JSON (docs/json.md):
 * camelCase, milliseconds as {@code ...Ms}, null for anything undefined.
 */
public final class JsonReport implements ReportRenderer {
  private final String version;
  private final HopFacts facts;

  public JsonReport(String version, Optional<HopNames> names) {
    this(version, HopFacts.names(names));
  }

  /** Each responder carries the trace JSON's {@code asn}, ..., {@code city} where known. */
  public JsonReport(String version, HopFacts facts) {
    this.version = version;
    this.facts = facts;
  }

  @Override
  public void render(Report report, PrintStream out) {
    ReportFacts resolved = new ReportFacts(facts, report);
    JsonWriter json = new JsonWriter().beginObject();
    json.name("hoptrace").value(version);
    json.name("start").value(report.start().truncatedTo(ChronoUnit.MILLIS).toString());
    json.name("localHost").value(report.localHost());
    json.name("reports").beginArray();
    for (LiveSnapshot target : report.targets()) {
      target(json, target, resolved);
    }
    json.endArray().endObject();
    out.println(json);
    out.flush();
  }

  private static void target(JsonWriter json, LiveSnapshot target, ReportFacts facts) {
    TraceRequest request = target.request();
    SessionInfo session = target.session();
    json.beginObject();
    JsonRenderer.target(json, request);
    json.name("mode").value(lower(session.mode().name()));
    json.name("modeDescription").value(session.description());
    json.name("modeLimitation").value(session.limitation());
    json.name("source").value(session.localAddress().isAnyLocalAddress() ? null
        : AddressText.of(session.localAddress()));
    ProbeMethod.json(json, request);
    json.name("firstTtl").value(request.firstTtl());
    json.name("maxTtl").value(request.maxTtl());
    json.name("packetLength").value(request.packetLength());
    json.name("rounds").value(target.rounds());
    json.name("reached").value(target.reached());
    json.name("destinationTtl");
    if (target.reached()) {
      json.value(target.destinationTtl());
    } else {
      json.nullValue();
    }
    json.name("durationMs").value(millis(target.elapsedNanos()));
    json.name("problem").value(target.problem().orElse(null));
    json.name("hops").beginArray();
    List<HopAnatomy> anatomy = target.anatomy();
    for (int i = 0; i < target.hops().size(); i++) {
      hop(json, target.hops().get(i), anatomy.get(i), target.pathMtu().isPresent(), facts);
    }
    json.endArray();
    target.pathMtu().ifPresent(mtu -> JsonRenderer.pathMtu(json, mtu));
    json.name("findings").beginArray();
    for (Finding f : target.findings()) {
      json.beginObject().name("kind").value(lower(f.kind().name()).replace('_', '-'))
          .name("ttl");
      if (f.ttl() == 0) {
        json.nullValue();
      } else {
        json.value(f.ttl());
      }
      json.name("message").value(f.message()).endObject();
    }
    json.endArray();
    JsonRenderer.dropped(json, target.drops());
    JsonRenderer.notSent(json, target.notSent());
    json.endObject();
  }

  /** @param mtu whether path MTU discovery ran: then {@code learnedMtu}, the hop's F=NUM or null */
  private static void hop(JsonWriter json, HopSnapshot hop, HopAnatomy anatomy, boolean mtu,
      ReportFacts facts) {
    json.beginObject().name("ttl").value(hop.ttl());
    for (HopColumn column : HopColumn.values()) {
      double v = column.of(hop);
      json.name(column.jsonName);
      switch (column.unit) {
        case COUNT -> json.value((long) v);
        case PERCENT, MILLIS -> json.value(thousandths(v));
      }
    }
    json.name("annotation").value(hop.annotation().isEmpty() ? null : hop.annotation());
    json.name("destination").value(hop.destination());
    json.name("responders").beginArray();
    for (ResponderShare r : hop.responders()) {
      json.beginObject()
          .name("address").value(AddressText.of(r.address()))
          .name("name").value(facts.name(r.address()).orElse(null));
      facts.as(r.address()).ifPresent(as -> JsonRenderer.as(json, as));
      facts.place(r.address()).ifPresent(place -> JsonRenderer.place(json, place));
      json.name("replies").value(r.replies())
          .name("mpls").beginArray();
      for (MplsLabelStackEntry e : r.extensions().mplsLabels()) {
        json.beginObject().name("label").value(e.label()).name("tc").value(e.trafficClass())
            .name("s").value(e.bottomOfStack()).name("ttl").value(e.ttl()).endObject();
      }
      json.endArray();
      AnatomyJson.interfaces(json, r.extensions());
      json.endObject();
    }
    json.endArray();
    AnatomyJson.anatomy(json, anatomy);
    if (mtu) {
      json.name("learnedMtu");
      if (anatomy.learnedMtu().isPresent()) {
        json.value(anatomy.learnedMtu().getAsInt());
      } else {
        json.nullValue();
      }
    }
    json.endObject();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Three decimals (µs for milliseconds); NaN stays NaN, which JsonWriter writes as null. */
  private static double thousandths(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e3) / 1e3 : Double.NaN;
  }

  /** Milliseconds with microsecond resolution. */
  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}
