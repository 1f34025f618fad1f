package dev.hoptrace.cli.render;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.Protocol;

/**
 * How a trace probes, said the same way by every header and report: the protocol, the port its
 * probes go to, and whether it keeps one flow (Paris) and which.
 */
public final class ProbeMethod {
  private ProbeMethod() {}

  /**
   * {@code "UDP"}, {@code "UDP port 33434"}, {@code "ICMP, Paris flow 2"}.
   *
   * @param withPort name the port (UDP, TCP) after the protocol
   */
  public static String text(TraceRequest request, boolean withPort) {
    StringBuilder s = new StringBuilder(request.protocol().name());
    if (withPort && request.protocol() != Protocol.ICMP) {
      s.append(" port ").append(port(request));
    }
    request.flow().ifPresent(flow -> s.append(", Paris flow ").append(flow.number()));
    return s.toString();
  }

  /**
   * The port the first probe goes to: classic UDP's first port, the fixed UDP or TCP port, a
   * Paris UDP flow's one port; not meaningful for ICMP.
   */
  public static int port(TraceRequest request) {
    return request.flow()
        .filter(flow -> request.protocol() == Protocol.UDP)
        .map(flow -> flow.udpPort(request.port()))
        .orElse(request.port());
  }

  /** The members {@code port}, {@code paris} and {@code flow} of a trace's or report's JSON. */
  public static void json(JsonWriter json, TraceRequest request) {
    json.name("port");
    if (request.protocol() == Protocol.ICMP) {
      json.nullValue();
    } else {
      json.value(port(request));
    }
    json.name("paris").value(request.paris());
    json.name("flow");
    if (request.paris()) {
      json.value(request.flow().orElseThrow().number());
    } else {
      json.nullValue();
    }
  }
}
