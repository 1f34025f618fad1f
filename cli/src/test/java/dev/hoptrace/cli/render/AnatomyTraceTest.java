package dev.hoptrace.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The one-shot trace of a raw-mode path with a NAT before hop 2, DSCP 46 from hop 3 on, a hop 3
 * that names its interface (RFC 5837) and quotes TTL 2: the text marks the hops (and with -e
 * prints the interface traceroute-style), the JSON carries each hop's anatomy.
 */
class AnatomyTraceTest {
  private static final InterfaceInformation XE = new InterfaceInformation(0, OptionalInt.of(7),
      Optional.of(ip("198.18.3.2")), Optional.of("xe-0/0/1"), OptionalInt.of(1500));
  private static final QuotedIpHeader INSIDE = new QuotedIpHeader(1, 0, 5);
  private static final QuotedIpHeader OUTSIDE =
      new QuotedIpHeader(1, 0, 5, Optional.of(ip("198.18.2.1")), true);
  private static final QuotedIpHeader MARKED =
      new QuotedIpHeader(2, 0xb8, 5, Optional.of(ip("198.18.2.1")), true);

  @Test
  void textMarksTheHopAfterEachChangeAndMinusEPrintsTheInterface() {
    List<String> lines = text(true);

    assertThat(lines.get(1)).isEqualTo(" 1  198.18.1.2  1.000 ms");
    assertThat(lines.get(2)).isEqualTo(" 2  198.18.2.2  1.000 ms  NAT=198.18.2.1");
    assertThat(lines.get(3)).isEqualTo(" 3  198.18.3.2"
        + " <IF:in,name=xe-0/0/1,index=7,addr=198.18.3.2,mtu=1500>"
        + "  1.000 ms  TOS=0x00>0xb8 qTTL=2");
    assertThat(lines.get(4)).isEqualTo(" 4  198.18.4.2  1.000 ms  qTTL=2");
  }

  @Test
  void withoutMinusEThereIsNoInterfaceButTheMarksStay() {
    assertThat(text(false).get(3)).isEqualTo(" 3  198.18.3.2  1.000 ms  TOS=0x00>0xb8 qTTL=2");
  }

  @Test
  void jsonCarriesAnatomyInterfacesAndWhatTheQuoteShowed() throws Exception {
    JsonNode hops = new ObjectMapper().readTree(new JsonRenderer("test", Optional.empty())
        .render(result())).get("hops");

    assertThat(hops.get(0).get("anatomy").get("nat").isNull()).isTrue();
    assertThat(hops.get(1).get("anatomy").get("nat").get("translatedSource").asText())
        .isEqualTo("198.18.2.1");
    assertThat(hops.get(2).get("anatomy").get("tos").get("to").asInt()).isEqualTo(0xb8);
    assertThat(hops.get(2).get("anatomy").get("quotedTtl").asInt()).isEqualTo(2);
    assertThat(hops.get(2).get("anatomy").get("returnHops").isNull()).isTrue();
    JsonNode probe = hops.get(2).get("probes").get(0);
    assertThat(probe.get("interfaces").get(0).get("name").asText()).isEqualTo("xe-0/0/1");
    assertThat(probe.get("quoted").get("translatedSource").asText()).isEqualTo("198.18.2.1");
    assertThat(probe.get("quoted").get("checksumRewritten").asBoolean()).isTrue();
    assertThat(hops.get(0).get("probes").get(0).get("quoted").get("translatedSource").isNull())
        .isTrue();
  }

  private static List<String> text(boolean extensions) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TraceResult result = result();
    try (TextRenderer text = new TextRenderer(out, out, HopFacts.names(Optional.empty()), false,
        false, extensions)) {
      text.started(result.request(), result.session());
      result.hops().forEach(text::hopCompleted);
      text.finished(result);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static TraceResult result() {
    TraceRequest request = TraceRequest.to(ip("198.18.4.2")).probesPerHop(1).build();
    SessionInfo session = new SessionInfo(ProbeMode.RAW, "raw", "", ip("198.18.1.1"), true);
    List<Hop> hops = List.of(
        hop(1, IcmpExtensions.NONE, INSIDE),
        hop(2, IcmpExtensions.NONE, OUTSIDE),
        hop(3, new IcmpExtensions(List.of(), List.of(XE), List.of()), MARKED),
        hop(4, IcmpExtensions.NONE, MARKED));
    return new TraceResult(request, session, hops, true, StopReason.DESTINATION_REACHED,
        DropCounts.NONE, 4_000_000, 4);
  }

  private static Hop hop(int ttl, IcmpExtensions extensions, QuotedIpHeader quote) {
    return new Hop(ttl, List.of(new ProbeResult(ttl, 0, Optional.of(ip("198.18." + ttl + ".2")),
        1_000_000, Optional.of(ReplyKind.TIME_EXCEEDED), 11, 0, 65 - ttl, "", ttl == 4,
        extensions, Optional.of(quote))));
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
