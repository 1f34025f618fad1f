package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.linux.LinuxNetwork;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's library example, as a program would run it (to loopback here). */
class LibraryExampleTest {

  @Test
  void readmeExampleRuns() throws Exception {
    List<String> printed = new ArrayList<>();
    Tracer tracer = new Tracer(new LinuxNetwork());
    TraceRequest request = TraceRequest.to(InetAddress.getByName("127.0.0.1"))
        .protocol(Protocol.TCP)
        .mode(ProbeMode.UNPRIVILEGED)
        .probesPerHop(1)
        .build();
    TraceResult result = tracer.trace(request, new TraceListener() {
      @Override
      public void hopCompleted(Hop hop) {
        printed.add(hop.ttl() + " " + hop.responders());
      }
    });

    assertThat(printed).containsExactly("1 [/127.0.0.1]");
    assertThat(result.reached()).isTrue();
    assertThat(result.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
    assertThat(result.hops().getFirst().probes().getFirst().rttMillis()).isPositive();
  }
}
