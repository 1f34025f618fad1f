package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.lab.ExecResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reader of the JSON contract, on the contract's own example. */
class TraceReportTest {
  private static final String EXAMPLE = """
      {"hoptrace":"0.1.0","destination":{"host":"dst.hoptrace.test","address":"198.18.7.2"},
       "protocol":"udp","family":"ipv4","mode":"raw","port":33434,"paris":false,
       "flow":null,"firstTtl":1,"maxTtl":30,
       "probesPerHop":1,"packetLength":60,"reached":true,"stopReason":"destination-reached",
       "hops":[{"ttl":1,"probes":[{"responder":"198.18.1.2","name":null,"rttMs":0.123,
         "replyTtl":64,"icmpType":11,"icmpCode":0,"kind":"time-exceeded","annotation":null,
         "final":false,"mpls":[]}]},
        {"ttl":2,"probes":[{"responder":null,"name":null,"rttMs":null,"replyTtl":null,
         "icmpType":null,"icmpCode":null,"kind":"timeout","annotation":null,"final":false,
         "mpls":[]}]}],
       "dropped":{"unmatched":0,"late":0,"malformed":0},"durationMs":123.4}
      """;

  private static ExecResult printed(String stdout) {
    return new ExecResult(List.of("hoptrace"), 0, stdout, "", false, Duration.ZERO);
  }

  @Test
  void readsTheContractExample() throws Exception {
    TraceReport report = TraceReport.parse(printed(EXAMPLE));
    assertThat(report.address()).isEqualTo(InetAddress.getByName("198.18.7.2"));
    assertThat(report.host()).isEqualTo("dst.hoptrace.test");
    assertThat(report.hops()).hasSize(2);
    assertThat(report.hop(1).probes().getFirst().rttMs()).isEqualTo(0.123);
    assertThat(report.hop(1).probes().getFirst().isFinal()).isFalse();
    assertThat(report.hop(2).silent()).isTrue();
    assertThat(report.respondersPerHop())
        .containsExactly(List.of(InetAddress.getByName("198.18.1.2")), List.of());
  }

  @Test
  void aMissingFieldIsAFailureNotADefault() {
    assertThatThrownBy(() -> TraceReport.parse(printed(EXAMPLE.replace("\"reached\":true,", ""))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("reached");
    assertThatThrownBy(() -> TraceReport.parse(printed("hoptrace: oops")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aResponderMustBeAnAddressLiteral() {
    assertThatThrownBy(() -> TraceReport.parse(printed(
        EXAMPLE.replace("\"198.18.1.2\"", "\"router.example\""))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("router.example");
  }
}
