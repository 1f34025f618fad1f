package dev.hoptrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TraceRequestParisTest {
  private static final InetAddress DEST = InetAddress.ofLiteral("198.18.9.2");

  @Test
  void classicUnlessAskedAndFlowZeroByDefault() {
    assertThat(TraceRequest.to(DEST).build().paris()).isFalse();
    assertThat(TraceRequest.to(DEST).build().sessionSpec().paris()).isFalse();

    TraceRequest paris = TraceRequest.to(DEST).paris(true).build();
    assertThat(paris.flow()).contains(new FlowId(0));
    assertThat(paris.sessionSpec().paris()).isTrue();
    assertThat(TraceRequest.to(DEST).flow(7).paris(true).build().flow()).contains(new FlowId(7));
    assertThat(TraceRequest.to(DEST).flow(7).paris(false).build().paris()).isFalse();
  }

  @Test
  void unprivilegedTcpCannotKeepAFlowAndSaysWhatToUseInstead() {
    assertThatThrownBy(() -> TraceRequest.to(DEST).protocol(Protocol.TCP)
        .mode(ProbeMode.UNPRIVILEGED).paris(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(FlowId.TCP_NEEDS_RAW)
        .hasMessageContaining("--mode raw").hasMessageContaining("UDP or ICMP");
    assertThat(TraceRequest.to(DEST).protocol(Protocol.TCP).mode(ProbeMode.RAW).paris(true)
        .build().paris()).isTrue();
  }

  @Test
  void flowsOutOfReachAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> TraceRequest.to(DEST).flow(FlowId.MAX + 1).build())
        .hasMessageContaining("flow (--flow) must be 0..4095");
    assertThatThrownBy(() -> TraceRequest.to(DEST).port(65535).flow(1).build())
        .hasMessageContaining("past 65535");
    assertThatThrownBy(() -> TraceRequest.to(DEST).protocol(Protocol.TCP).mode(ProbeMode.RAW)
        .flow(1).build()).hasMessageContaining("flow 1 needs UDP or ICMP");
    assertThat(TraceRequest.to(DEST).port(65534).flow(1).build().paris()).isTrue();
  }
}
