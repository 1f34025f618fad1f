package dev.hoptrace.core.mda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fixed flows traced each on its own: one batch per TTL, each flow until it ends or goes quiet. */
class FlowPathsTest {
  private static InetAddress at(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 198, 18, 0, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eachFlowFollowsItsOwnBranchUntilTheDestinationInOneBatchPerTtl() throws Exception {
    List<String> batches = new ArrayList<>();
    // Even flows go via .2, odd via .3; the destination .9 is at TTL 3.
    FlowProber prober = (ttl, flows) -> {
      batches.add(ttl + ":" + flows);
      Map<Integer, Answer> answers = new HashMap<>();
      for (int flow : flows) {
        answers.put(flow, switch (ttl) {
          case 1 -> new Answer.Router(at(1));
          case 2 -> new Answer.Router(at(2 + flow % 2));
          default -> new Answer.Destination(at(9));
        });
      }
      return answers;
    };

    List<FlowPaths.Path> paths = FlowPaths.trace(prober, 3, 1, 30, 3);

    assertThat(batches).containsExactly("1:[0, 1, 2]", "2:[0, 1, 2]", "3:[0, 1, 2]");
    assertThat(paths).allMatch(FlowPaths.Path::ended);
    assertThat(paths.get(1).hops()).containsExactly(new Answer.Router(at(1)),
        new Answer.Router(at(3)), new Answer.Destination(at(9)));
    assertThat(paths.get(2).hops().get(1)).isEqualTo(new Answer.Router(at(2)));
  }

  @Test
  void aFlowSilentForTheGapLimitIsGivenUpOthersGoOn() throws Exception {
    FlowProber prober = (ttl, flows) -> {
      Map<Integer, Answer> answers = new HashMap<>();
      for (int flow : flows) {
        if (flow == 0 && ttl >= 2) {
          continue; // flow 0's branch goes dark after TTL 1
        }
        answers.put(flow, ttl < 6 ? new Answer.Router(at(ttl)) : new Answer.Destination(at(9)));
      }
      return answers;
    };

    List<FlowPaths.Path> paths = FlowPaths.trace(prober, 2, 1, 30, 2);

    assertThat(paths.get(0).hops()).containsExactly(new Answer.Router(at(1)), Answer.SILENT,
        Answer.SILENT);
    assertThat(paths.get(0).ended()).isFalse();
    assertThat(paths.get(1).hops()).hasSize(6);
    assertThat(paths.get(1).ended()).isTrue();
  }
}
