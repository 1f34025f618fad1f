package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.hop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.forge.Forgery;
import dev.hoptrace.packet.forge.ForgeryPlan;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulator's side of {@code ForgedRepliesIT}, in virtual time and without root: a forger
 * next to the client lies about every probe and sends broken copies of every real error ahead of
 * it, and the simulated kernel checks what Linux checks. Whatever the method, mode and family,
 * the trace shows the scenario's path and never the forger, and counts at least the lies each
 * mode can see.
 */
class ForgedRepliesTest {
  private static final String[] PATH = {"client", "r1", "r2", "r3", "r4", "r5", "r6", "dst"};

  @ParameterizedTest(name = "{0} {1} ipv6={2}")
  @CsvSource({
      "UDP, RAW, false", "ICMP, RAW, false", "TCP, RAW, false",
      "UDP, UNPRIVILEGED, false", "ICMP, UNPRIVILEGED, false", "TCP, UNPRIVILEGED, false",
      "UDP, RAW, true", "ICMP, RAW, true", "TCP, RAW, true",
      "UDP, UNPRIVILEGED, true", "ICMP, UNPRIVILEGED, true", "TCP, UNPRIVILEGED, true"})
  void showsTheRealPathAndCountsTheLies(Protocol protocol, ProbeMode mode, boolean v6)
      throws Exception {
    ForgeryPlan plan = new ForgeryPlan((Inet4Address) InetAddress.getByName("198.18.250.66"),
        (Inet6Address) InetAddress.getByName("2001:db8:fa::66"), EnumSet.allOf(Forgery.class),
        Duration.ofMillis(20)); // virtual milliseconds: later probes get stale lies too
    SimulatedNetwork network =
        new SimulatedNetwork(ScenarioLibrary.load("linear")).withForgerOnClientLink(plan);

    TraceResult result = Traces.trace(network, v6, protocol, mode, UnaryOperator.identity());

    assertThat(result.reached()).isTrue();
    assertThat(result.hops()).hasSize(7);
    for (int ttl = 1; ttl <= 7; ttl++) {
      assertThat(hop(result, ttl).responders()).as("hop %d", ttl)
          .containsExactly(at("linear", PATH[ttl], PATH[ttl - 1], v6));
    }
    long errors = result.hops().stream().flatMap(h -> h.probes().stream())
        .map(ProbeResult::kind).filter(k -> k.isPresent() && (k.get() == ReplyKind.TIME_EXCEEDED
            || k.get() == ReplyKind.UNREACHABLE)).count();
    long answered = result.hops().stream().flatMap(h -> h.probes().stream())
        .filter(p -> p.responder().isPresent()).count();
    if (mode == ProbeMode.RAW) {
      // another sequence from the liar and from the destination, at least, per probe
      assertThat(result.dropped().unmatched()).as(result.dropped().toString())
          .isGreaterThanOrEqualTo(2 * answered);
    }
    long perError = mode == ProbeMode.UNPRIVILEGED ? (protocol == Protocol.ICMP ? 2 : 1)
        : v6 ? 3 : 6;
    assertThat(result.dropped().malformed()).as(result.dropped().toString())
        .isGreaterThanOrEqualTo(perError * Math.max(0, errors - 3));
  }
}
