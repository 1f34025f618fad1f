package dev.hoptrace.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** traceroute's {@code --back}: a return path of another length is marked after the address. */
class ReturnPathTest {

  private static ProbeResult reply(int ttl, int index, String from, int replyTtl) throws Exception {
    return new ProbeResult(ttl, index, Optional.of(InetAddress.getByName(from)), 2_000_000,
        Optional.of(ReplyKind.TIME_EXCEEDED), 11, 0, replyTtl, "", false, IcmpExtensions.NONE,
        Optional.empty());
  }

  private static String line(boolean back, ProbeResult... probes) throws Exception {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (TextRenderer text = new TextRenderer(sink, sink, HopFacts.names(Optional.empty()),
        false, back, false)) {
      return text.line(new Hop(probes[0].ttl(), List.of(probes)));
    }
  }

  @Test
  void theEstimateTakesTheNextCommonInitialTtl() throws Exception {
    assertThat(reply(1, 0, "198.18.1.1", 64).returnHops()).isEqualTo(1);
    assertThat(reply(5, 0, "198.18.1.1", 60).returnHops()).isEqualTo(5);
    assertThat(reply(5, 0, "198.18.1.1", 125).returnHops()).isEqualTo(4);
    assertThat(reply(5, 0, "198.18.1.1", 250).returnHops()).isEqualTo(6);
    assertThat(ProbeResult.timeout(5, 0).returnHops()).isEqualTo(-1);
  }

  @Test
  void aLongerWayBackIsMarkedAndAnEqualOneIsNot() throws Exception {
    // Hop 3 answers from 64 with 62 left (3 hops back) and then with 59 left (6 hops back).
    String line = line(true, reply(3, 0, "198.18.3.1", 62), reply(3, 1, "198.18.3.1", 59),
        reply(3, 2, "198.18.3.1", 59));

    assertThat(line).isEqualTo(
        " 3  198.18.3.1  2.000 ms 198.18.3.1 '-6'  2.000 ms  2.000 ms");
  }

  @Test
  void withoutBackNothingIsMarkedAndTheAddressIsNotRepeated() throws Exception {
    String line = line(false, reply(3, 0, "198.18.3.1", 62), reply(3, 1, "198.18.3.1", 59));

    assertThat(line).isEqualTo(" 3  198.18.3.1  2.000 ms  2.000 ms");
  }
}
