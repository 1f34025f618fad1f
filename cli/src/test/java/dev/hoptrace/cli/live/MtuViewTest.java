package dev.hoptrace.cli.live;

import static dev.hoptrace.cli.live.ScreenText.join;
import static dev.hoptrace.cli.live.ScreenText.render;
import static dev.hoptrace.cli.live.ScreenText.row;
import static dev.hoptrace.cli.live.ScreenText.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.sim.SimulatedNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hoptrace live --mtu} through the simulator's small-mtu scenario (1500 bytes to router 2,
 * 1400 after it): the table marks each drop under the hop it reached, the hop detail says it.
 */
class MtuViewTest {
  private static LiveSnapshot watched;

  @BeforeAll
  static void watch() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("small-mtu"));
    TraceRequest request = TraceRequest.to(network.destination(false)).protocol(Protocol.ICMP)
        .probesPerHop(1).maxInFlight(256).packetLength(60).discoverMtu(true).build();
    watched = new LiveTracer(network).run(request,
        new RoundPolicy(Duration.ofMillis(200), 2, Duration.ofSeconds(5)), LiveListener.NONE,
        new LiveControl());
  }

  @Test
  void theTableMarksEachDropUnderTheHopItReached() {
    List<String> screen = render(ViewState.initial(true, false), 160, 40,
        a -> Optional.empty(), target("dst", watched));

    assertThat(screen.get(screen.indexOf(row(screen, 1)) + 1).strip()).isEqualTo("F=1500");
    assertThat(screen.get(screen.indexOf(row(screen, 3)) + 1).strip()).isEqualTo("F=1400");
    assertThat(join(screen)).containsOnlyOnce("F=1500").containsOnlyOnce("F=1400");
    assertThat(row(screen, 4)).contains("0.0%");
    assertThat(screen.get(1)).startsWith("ICMP, path MTU 1400, raw: ");
  }

  @Test
  void theHopDetailSaysFromWhichHopTheMtuIsSmaller() {
    ViewState detail = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, false, 3, 0,
        false);

    String text = join(render(detail, 120, 40, a -> Optional.empty(), target("dst", watched)));

    assertThat(text).contains("path MTU 1400 from this hop on (F=1400)");
  }
}
