package dev.hoptrace.cli.render;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.Hop;
import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.anatomy.PathAnatomy;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** Writes a finished trace as one JSON object; the schema is documented in docs/json.md. */
public final class JsonRenderer {
  private final String version;
  private final HopFacts facts;

  public JsonRenderer(String version, Optional<HopNames> names) {
    this(version, HopFacts.names(names));
  }

  /** Writes names, AS numbers and places as far as {@code facts} asks for them. */
  public JsonRenderer(String version, HopFacts facts) {
    this.version = version;
    this.facts = facts;
  }

  public String render(TraceResult result) {
    TraceRequest request = result.request();
    JsonWriter json = new JsonWriter().beginObject();
    json.name("hoptrace").value(version);
    target(json, request);
    json.name("mode").value(lower(result.session().mode().name()));
    json.name("modeDescription").value(result.session().description());
    json.name("modeLimitation").value(result.session().limitation());
    ProbeMethod.json(json, request);
    json.name("firstTtl").value(request.firstTtl());
    json.name("maxTtl").value(request.maxTtl());
    json.name("probesPerHop").value(request.probesPerHop());
    json.name("packetLength").value(request.packetLength());
    json.name("reached").value(result.reached());
    json.name("stopReason").value(StopReasons.label(result.stopReason()));
    json.name("hops").beginArray();
    Iterator<HopAnatomy> anatomy = PathAnatomy.ofHops(result.hops(), request.tos()).iterator();
    for (Hop hop : result.hops()) {
      json.beginObject().name("ttl").value(hop.ttl()).name("probes").beginArray();
      for (ProbeResult probe : hop.probes()) {
        probe(json, probe, result.pathMtu()
            .flatMap(mtu -> mtu.probe(probe.ttl(), probe.index())));
      }
      json.endArray();
      AnatomyJson.anatomy(json, anatomy.next());
      json.endObject();
    }
    json.endArray();
    result.pathMtu().ifPresent(mtu -> pathMtu(json, mtu));
    dropped(json, result.dropped());
    json.name("probesSent").value(result.probesSent());
    notSent(json, result.notSent());
    json.name("durationMs").value(millis(result.elapsedNanos()));
    return json.endObject().toString();
  }

  /** What was traced: {@code destination} (host, address), {@code protocol}, {@code family}. */
  public static void target(JsonWriter json, TraceRequest request) {
    json.name("destination").beginObject()
        .name("host").value(request.hostName())
        .name("address").value(AddressText.of(request.destination()))
        .endObject();
    json.name("protocol").value(lower(request.protocol().name()));
    json.name("family").value(request.ipv6() ? "ipv6" : "ipv4");
  }

  /**
   * The {@code notSent} member: probes the network refused once the trace was under way,
   * {@code {"probes": 2, "ttls": [3, 4], "reason": "no route to ..."}} (trace and report).
   */
  public static void notSent(JsonWriter json, SendFailures failures) {
    json.name("notSent").beginObject().name("probes").value(failures.probes())
        .name("ttls").beginArray();
    failures.ttls().forEach(ttl -> json.value(ttl));
    json.endArray().name("reason").value(failures.reason().orElse(null)).endObject();
  }

  /** The {@code dropped} member: replies not tied to a probe, by reason (trace and report). */
  public static void dropped(JsonWriter json, DropCounts d) {
    json.name("dropped").beginObject()
        .name("unmatched").value(d.unmatched())
        .name("late").value(d.late())
        .name("duplicate").value(d.duplicate())
        .name("malformed").value(d.malformed())
        .endObject();
  }

  /**
   * {@code pathMtu}: {@code start} (the first probes' size), {@code mtu} (the smallest MTU
   * learnt), {@code drops[]} (where it dropped: {@code ttl}, {@code index}, {@code mtu}, {@code
   * reportedBy}).
   */
  public static void pathMtu(JsonWriter json, PathMtu mtu) {
    json.name("pathMtu").beginObject()
        .name("start").value(mtu.startSize())
        .name("mtu").value(mtu.pathMtu())
        .name("drops").beginArray();
    for (ProbeSize drop : mtu.drops()) {
      json.beginObject().name("ttl").value(drop.ttl()).name("index").value(drop.index())
          .name("mtu").value(drop.learnedMtu())
          .name("reportedBy").value(drop.learnedFrom().map(AddressText::of).orElse(null))
          .endObject();
    }
    json.endArray().endObject();
  }

  private void probe(JsonWriter json, ProbeResult probe, Optional<ProbeSize> size) {
    json.beginObject();
    Optional<InetAddress> responder = probe.responder();
    json.name("responder").value(responder.map(AddressText::of).orElse(null));
    json.name("name").value(responder.flatMap(facts::name).orElse(null));
    responder.flatMap(facts::as).ifPresent(as -> as(json, as));
    responder.flatMap(facts::place).ifPresent(place -> place(json, place));
    if (probe.answered()) {
      json.name("rttMs").value(millis(probe.rttNanos()));
      json.name("replyTtl");
      optionalInt(json, probe.replyTtl());
      json.name("returnHops");
      optionalInt(json, probe.returnHops());
      json.name("icmpType");
      optionalInt(json, probe.icmpType());
      json.name("icmpCode");
      optionalInt(json, probe.icmpCode());
    } else {
      json.name("rttMs").nullValue().name("replyTtl").nullValue().name("returnHops").nullValue()
          .name("icmpType").nullValue().name("icmpCode").nullValue();
    }
    json.name("kind").value(probe.kind().map(JsonRenderer::kind).orElse("timeout"));
    json.name("annotation").value(probe.annotation().isEmpty() ? null : probe.annotation());
    json.name("final").value(probe.isFinal());
    json.name("mpls").beginArray();
    for (MplsLabelStackEntry e : probe.extensions().mplsLabels()) {
      json.beginObject().name("label").value(e.label()).name("tc").value(e.trafficClass())
          .name("s").value(e.bottomOfStack()).name("ttl").value(e.ttl()).endObject();
    }
    json.endArray();
    size.ifPresent(s -> {
      json.name("size").value(s.size());
      json.name("learnedMtu");
      optionalInt(json, s.dropped() ? s.learnedMtu() : -1);
    });
    probe.quotedIp().ifPresent(q -> json.name("quoted").beginObject()
        .name("ttl").value(q.ttl()).name("tos").value(q.tos()).name("ipId").value(q.ipId())
        .name("translatedSource").value(q.translatedSource().map(AddressText::of).orElse(null))
        .name("checksumRewritten").value(q.checksumRewritten())
        .endObject());
    AnatomyJson.interfaces(json, probe.extensions());
    json.endObject();
  }

  /**
   * {@code asn}, and {@code asName} and {@code prefix} when known: absent when not known in time
   * (trace and report).
   */
  public static void as(JsonWriter json, AsInfo as) {
    json.name("asn").value(as.number());
    if (!as.name().isEmpty()) {
      json.name("asName").value(as.name());
    }
    if (!as.prefix().isEmpty()) {
      json.name("prefix").value(as.prefix());
    }
  }

  /** {@code country} (ISO code, else the name) and {@code city}, each only when known. */
  public static void place(JsonWriter json, Place place) {
    String country = place.countryLabel();
    if (!country.isEmpty()) {
      json.name("country").value(country);
    }
    if (!place.city().isEmpty()) {
      json.name("city").value(place.city());
    }
  }

  private static void optionalInt(JsonWriter json, int value) {
    if (value >= 0) {
      json.value(value);
    } else {
      json.nullValue();
    }
  }

  static String kind(ReplyKind kind) {
    return lower(kind.name()).replace('_', '-');
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Milliseconds with microsecond resolution. */
  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}
