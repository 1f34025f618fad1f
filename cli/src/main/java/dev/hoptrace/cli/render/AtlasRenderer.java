package dev.hoptrace.cli.render;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.AddressText;

/**
 * Writes a finished trace as one RIPE Atlas traceroute result ("Version 5000", firmware ≥ 5000),
 * so that code written for Atlas data reads hoptrace's: top-level {@code fw}, {@code af},
 * {@code dst_name}, {@code dst_addr}, {@code src_addr}, {@code proto}, {@code paris_id},
 * {@code size}, {@code timestamp}, {@code endtime}, and {@code result}, one element per TTL
 * holding one reply object per probe ({@code {"x":"*"}} for none). Fields hoptrace does not know
 * (measurement and probe ids, reply size) are left out; docs/bulk.md lists them.
 */
public final class AtlasRenderer {
  /** The result format version Atlas analysis code selects the current schema with. */
  static final int FIRMWARE = 5000;

  private final String version;

  public AtlasRenderer(String version) {
    this.version = version;
  }

  /**
   * @param endMillis when the trace finished, Unix milliseconds; its start is that less its
   *     duration
   */
  public String render(TraceResult result, long endMillis) {
    TraceRequest request = result.request();
    boolean v6 = request.ipv6();
    JsonWriter json = new JsonWriter().beginObject();
    json.name("fw").value(FIRMWARE);
    json.name("mver").value("hoptrace " + version);
    json.name("lts").value(-1);
    json.name("af").value(v6 ? 6 : 4);
    json.name("dst_name").value(request.hostName());
    json.name("dst_addr").value(AddressText.of(request.destination()));
    json.name("src_addr").value(AddressText.of(result.session().localAddress()));
    json.name("from").value("");
    json.name("proto").value(request.protocol().name());
    json.name("paris_id").value(request.paris() ? 1 : 0);
    int transport = request.protocol() == Protocol.TCP ? 20 : 8;
    json.name("size").value(Math.max(0, request.packetLength() - (v6 ? 40 : 20) - transport));
    long end = endMillis / 1000;
    json.name("timestamp").value((endMillis - result.elapsedNanos() / 1_000_000) / 1000);
    json.name("endtime").value(end);
    json.name("msm_name").value("Traceroute");
    json.name("type").value("traceroute");
    json.name("result").beginArray();
    for (Hop hop : result.hops()) {
      json.beginObject().name("hop").value(hop.ttl()).name("result").beginArray();
      for (ProbeResult probe : hop.probes()) {
        reply(json, probe, request.protocol(), v6);
      }
      json.endArray().endObject();
    }
    json.endArray();
    return json.endObject().toString();
  }

  private static void reply(JsonWriter json, ProbeResult probe, Protocol protocol, boolean v6) {
    json.beginObject();
    if (!probe.answered()) {
      json.name("x").value("*");
      json.endObject();
      return;
    }
    json.name("from").value(AddressText.of(probe.responder().orElseThrow()));
    json.name("rtt").value(Math.round(probe.rttNanos() / 1e3) / 1e3);
    if (probe.replyTtl() >= 0) {
      json.name("ttl").value(probe.replyTtl());
    }
    ReplyKind kind = probe.kind().orElseThrow();
    if (kind == ReplyKind.UNREACHABLE) {
      Object err = err(probe.icmpCode(), protocol, v6);
      if (err instanceof String s) {
        json.name("err").value(s);
      } else if (err instanceof Integer code) {
        json.name("err").value(code);
      }
    } else if (kind == ReplyKind.PACKET_TOO_BIG) {
      json.name("mtu").value(mtuOf(probe.annotation()));
    } else if (kind == ReplyKind.TCP_OPEN || kind == ReplyKind.TCP_REFUSED) {
      // Atlas' TCP flags of the destination's answer: SYN-ACK, or RST-ACK.
      json.name("flags").value(kind == ReplyKind.TCP_OPEN ? "SA" : "RA");
    }
    json.endObject();
  }

  /**
   * Atlas' {@code err}: N network, H host, A administratively prohibited, P protocol, p port
   * (ICMP traceroutes only: for UDP a port unreachable is the destination answering, no error),
   * h beyond scope (IPv6); another code as a number. Null for none.
   */
  static Object err(int code, Protocol protocol, boolean v6) {
    if (v6) {
      return switch (code) {
        case 0 -> "N";
        case 1 -> "A";
        case 2 -> "h";
        case 3 -> "H";
        case 4 -> protocol == Protocol.ICMP ? "p" : null;
        default -> code;
      };
    }
    return switch (code) {
      case 0 -> "N";
      case 1 -> "H";
      case 2 -> "P";
      case 3 -> protocol == Protocol.ICMP ? "p" : null;
      case 9, 10, 13 -> "A";
      default -> code;
    };
  }

  private static int mtuOf(String annotation) {
    try {
      return annotation.startsWith("!F-") ? Integer.parseInt(annotation.substring(3)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
