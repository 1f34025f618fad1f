package dev.hoptrace.cli.render;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.mda.Answer;
import dev.hoptrace.core.mda.FlowPaths;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code hoptrace mda --flows N -o json}: each flow's path; the schema is in docs/mda.md. */
public final class FlowPathsJson {
  private FlowPathsJson() {}

  public static String render(TraceRequest request, List<FlowPaths.Path> paths, long packetsSent,
      long elapsedNanos, Function<InetAddress, Optional<String>> names, String version) {
    JsonWriter json = new JsonWriter().beginObject();
    json.name("hoptrace").value(version);
    json.name("command").value("mda --flows");
    JsonRenderer.target(json, request);
    json.name("flows").beginArray();
    for (FlowPaths.Path path : paths) {
      json.beginObject().name("flow").value(path.flow()).name("reached").value(path.ended())
          .name("hops").beginArray();
      int ttl = path.firstTtl();
      for (Answer answer : path.hops()) {
        json.beginObject().name("ttl").value(ttl++);
        InetAddress address = switch (answer) {
          case Answer.Router router -> router.address();
          case Answer.Destination end -> end.address();
          case Answer.Silent silent -> null;
        };
        json.name("address").value(address == null ? null : AddressText.of(address));
        json.name("name").value(address == null ? null : names.apply(address).orElse(null));
        json.name("end").value(answer instanceof Answer.Destination);
        json.endObject();
      }
      json.endArray().endObject();
    }
    json.endArray();
    json.name("packetsSent").value(packetsSent);
    json.name("durationMs").value(elapsedNanos / 1e6);
    return json.endObject().toString();
  }
}
