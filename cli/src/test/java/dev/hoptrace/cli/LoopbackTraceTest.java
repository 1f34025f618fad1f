package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.linux.LinuxNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole program on the real kernel, through loopback only: unprivileged UDP and TCP need no
 * setup, so these run everywhere (the lab integration suite covers real routers).
 */
class LoopbackTraceTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new Hoptrace(LinuxNetwork::new, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1, udp, ''", "::1, udp, ''", "127.0.0.1, tcp, -T", "::1, tcp, -T"})
  void loopbackIsOneHopAndReached(String host, String protocol, String flag) throws Exception {
    String[] args = flag.isEmpty()
        ? new String[] {"-n", "-o", "json", "--mode", "unprivileged", host}
        : new String[] {"-n", "-o", "json", "--mode", "unprivileged", flag, "-p", "9", host};
    assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();

    JsonNode trace = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(trace.get("protocol").asText()).isEqualTo(protocol);
    assertThat(trace.get("mode").asText()).isEqualTo("unprivileged");
    assertThat(trace.get("reached").asBoolean()).isTrue();
    assertThat(trace.get("stopReason").asText()).isEqualTo("destination-reached");
    assertThat(trace.get("hops")).hasSize(1);
    JsonNode probes = trace.get("hops").get(0).get("probes");
    assertThat(probes).hasSize(3);
    for (JsonNode probe : probes) {
      assertThat(probe.get("responder").asText()).isEqualTo(host);
      assertThat(probe.get("final").asBoolean()).isTrue();
      assertThat(probe.get("rttMs").asDouble()).isPositive().isLessThan(50.0);
    }
    assertThat(trace.get("dropped").get("unmatched").asLong()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1", "::1"})
  void textOutputLooksLikeTraceroute(String host) {
    assertThat(run("-n", "--mode", "unprivileged", host)).isZero();
    java.util.List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("hoptrace to " + host + " (" + host + "), 30 hops max, ")
        .contains("unprivileged mode");
    assertThat(lines.get(1)).matches(" 1  " + java.util.regex.Pattern.quote(host)
        + "(  \\d+\\.\\d{3} ms){3}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
