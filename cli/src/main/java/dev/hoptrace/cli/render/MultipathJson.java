package dev.hoptrace.cli.render;

import dev.hoptrace.core.mda.Link;
import dev.hoptrace.core.mda.MultipathHop;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.Locale;

/** A multipath trace as one JSON object; the schema is in docs/mda.md. */
public final class MultipathJson {
  private MultipathJson() {}

  public static String render(MultipathReport report, String version) {
    var request = report.request();
    MultipathResult result = report.result();
    JsonWriter json = new JsonWriter().beginObject();
    json.name("hoptrace").value(version);
    json.name("command").value("mda");
    JsonRenderer.target(json, request);
    json.name("mode").value(report.run().session().mode().name().toLowerCase(Locale.ROOT));
    json.name("modeDescription").value(report.run().session().description());
    json.name("firstPort");
    if (request.protocol() == Protocol.ICMP) {
      json.nullValue();
    } else {
      json.value(request.port());
    }
    json.name("algorithm").value(report.algorithm().toLowerCase(Locale.ROOT));
    json.name("confidence").value(result.confidence());
    json.name("firstTtl").value(result.settings().firstTtl());
    json.name("maxTtl").value(result.settings().maxTtl());
    json.name("gapLimit").value(result.settings().gapLimit());
    json.name("maxProbes").value(result.settings().maxProbes());
    json.name("hops").beginArray();
    for (MultipathHop hop : result.hops()) {
      hop(json, hop, report);
    }
    json.endArray();
    json.name("stopReason").value(report.end());
    json.name("probesSent").value(result.probesSent());
    json.name("packetsSent").value(report.run().packetsSent());
    json.name("durationMs").value(report.run().elapsedNanos() / 1e6);
    JsonRenderer.dropped(json, report.run().dropped());
    return json.endObject().toString();
  }

  private static void hop(JsonWriter json, MultipathHop hop, MultipathReport report) {
    json.beginObject().name("ttl").value(hop.ttl());
    json.name("interfaces").beginArray();
    for (InetAddress address : hop.interfaces()) {
      json.beginObject().name("address").value(AddressText.of(address));
      json.name("name").value(report.names().apply(address).orElse(null));
      json.name("destination").value(hop.destination()
          && address.equals(report.request().destination()));
      json.endObject();
    }
    json.endArray();
    json.name("links").beginArray();
    for (Link link : hop.links()) {
      json.beginObject()
          .name("fromTtl").value(link.fromTtl())
          .name("from").value(AddressText.of(link.from()))
          .name("to").value(AddressText.of(link.to()))
          .name("flows").beginArray();
      link.flows().forEach(flow -> json.value(flow));
      json.endArray().endObject();
    }
    json.endArray();
    json.name("perPacket").value(hop.perPacket());
    json.name("probes").value(hop.probes());
    json.name("silent").value(hop.silent());
    json.endObject();
  }
}
