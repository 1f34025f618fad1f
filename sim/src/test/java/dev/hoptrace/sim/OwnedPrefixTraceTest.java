package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.hop;
import static dev.hoptrace.sim.Traces.responders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioReader;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traces to addresses of prefixes that routers and the destination own (AnyIP in the lab). */
class OwnedPrefixTraceTest {
  private static final Scenario TREE = ScenarioReader.read("""
      name: t
      nodes:
        - {name: client, role: client}
        - {name: core}
        - {name: agg}
        - {name: e1, prefix: [198.19.1.0/24, "2001:db8:1:1::/120"]}
        - {name: e2, prefix: [198.19.2.0/24, "2001:db8:1:2::/120"], hosts: silent}
        - {name: e3, prefix: [198.19.3.0/24, "2001:db8:1:3::/120"], hosts: unreachable}
        - {name: dst, role: destination, prefix: [198.19.4.0/24, "2001:db8:1:4::/120"]}
      links:
        - client -- core
        - core -- agg
        - agg -- e1
        - agg -- e2
        - core -- e3
        - e1 -- dst
      """, "t.yaml");

  private static TraceResult trace(String target, Protocol protocol, ProbeMode mode) {
    TraceRequest request = TraceRequest.to(InetAddress.ofLiteral(target)).protocol(protocol)
        .mode(mode).build();
    try {
      return new Tracer(new SimulatedNetwork(TREE)).trace(request);
    } catch (NetworkException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      // target, protocol, mode, hops, address answering the last hop
      "198.19.1.77,     UDP,  UNPRIVILEGED, 3, 198.19.1.77",
      "198.19.1.77,     ICMP, RAW,          3, 198.19.1.77",
      "198.19.1.77,     TCP,  RAW,          3, 198.19.1.77",
      "198.19.4.200,    UDP,  RAW,          4, 198.19.4.200",
      // IPv6: Port Unreachable from the owner's interface (icmp6_send answers from a probed
      // address only when an interface has it), echo replies and RSTs from the target. The
      // tracer ends there but does not count it as reached (another address answered).
      "2001:db8:1:1::9, UDP,  UNPRIVILEGED, 3, 2001:db8:0:3::2",
      "2001:db8:1:1::9, ICMP, UNPRIVILEGED, 3, 2001:db8:1:1::9",
      "2001:db8:1:1::9, TCP,  RAW,          3, 2001:db8:1:1::9",
      "2001:db8:1:4::1, UDP,  RAW,          4, 2001:db8:0:6::2",
  })
  void anAddressOfAnAnsweringPrefixAnswersAtItsOwnersHop(String target, Protocol protocol,
      ProbeMode mode, int hops, String last) {
    TraceResult r = trace(target, protocol, mode);

    assertThat(r.hops()).as(r.toString()).hasSize(hops);
    assertThat(responders(r, hops)).containsExactly(InetAddress.ofLiteral(last));
    assertThat(hop(r, hops).probes()).allMatch(ProbeResult::isFinal);
    assertThat(r.reached()).isEqualTo(last.equals(target));
    assertThat(responders(r, 2)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"198.19.2.5, 198.18.2.2", "2001:db8:1:2::5, 2001:db8:0:2::2"})
  void silentHostsAnswerNothingWhileTheRoutersBeforeThemDo(String target, String agg) {
    TraceResult r = trace(target, Protocol.UDP, ProbeMode.UNPRIVILEGED);

    assertThat(responders(r, 2)).containsExactly(InetAddress.ofLiteral(agg));
    assertThat(hop(r, 3).silent()).isTrue();
    assertThat(r.reached()).isFalse();
    assertThat(r.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"198.19.3.5, ICMP, 198.18.5.2, 1", "198.19.3.5, UDP, 198.18.5.2, 1",
      "2001:db8:1:3::5, UDP, 2001:db8:0:5::2, 3"})
  void unreachableHostsGetHostUnreachableFromTheirRouterOneHopLater(String target,
      Protocol protocol, String e3, int code) {
    TraceResult r = trace(target, protocol, ProbeMode.RAW);

    assertThat(responders(r, 2)).containsExactly(InetAddress.ofLiteral(e3));
    ProbeResult rejected = hop(r, 3).probes().getFirst();
    assertThat(rejected.responder()).contains(InetAddress.ofLiteral(e3));
    assertThat(rejected.annotation()).isEqualTo("!H");
    assertThat(rejected.icmpCode()).isEqualTo(code);
    assertThat(r.stopReason()).isEqualTo(StopReason.UNREACHABLE);
    assertThat(r.hops()).hasSize(3);
  }
}
