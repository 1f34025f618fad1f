package dev.hoptrace.lab;

import static dev.hoptrace.lab.LibraryScenariosTest.WAIT;
import static dev.hoptrace.lab.LibraryScenariosTest.text;
import static dev.hoptrace.lab.LibraryScenariosTest.traceroute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The library scenarios that need the TUN link emulator, seen from the client with plain tools
 * (root only): delay where the scenario puts it, loss at the lossy link, MPLS labels at the
 * label-switching routers, and a whole home-to-CDN path.
 */
class EmulatedScenariosTest {
  private static final ScenarioLabs labs = ScenarioLabs.SHARED;
  private static final Pattern RTT = Pattern.compile("(\\d+\\.\\d+) ms");

  @BeforeAll
  static void root() {
    RootOnly.require();
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void transatlanticRttStepsUp70msAtNyc1(IpFamily family) {
    Lab lab = labs.library("transatlantic");
    int nyc1 = hopOf(lab, "nyc1");
    TracerouteLines trace = traceroute(lab, family, "-q", "3", "-w", "2", "-f",
        Integer.toString(nyc1 - 1), "-m", Integer.toString(nyc1));
    assertThat(trace.responders(nyc1)).as(trace.raw())
        .containsExactly(text(lab.hopAddress(nyc1, family)));
    // 35 ms each way across the ocean (± 0.5 ms jitter, and ± 0.3 ms on an earlier link). The
    // fastest of three probes per hop: a stall of the machine (a dozen emulator threads and
    // other tests share its CPUs) only ever adds time, as queueing does on a real path.
    double step = fastest(trace, nyc1) - fastest(trace, nyc1 - 1);
    assertThat(step).as(trace.raw()).isCloseTo(70.0, within(2.0));
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void lossyLinkLosesWithinBinomialBoundsAndNoEarlierHopDoes(IpFamily family) {
    Lab lab = labs.library("lossy");
    int r3 = hopOf(lab, "r3");
    int sent = 300;
    // Hop 2 is before the lossy link; its answers cross no lossy link at all.
    assertThat(expiredAt(lab, family, r3 - 1, sent)).isEqualTo(sent);
    // Probe and answer each cross r2 -- r3 once: both survive with 0.9 * 0.9 = 0.81.
    // Binomial(300, 0.81): mean 243, sd 6.8; ± 4.5 sd fails a correct lab once in 10^5.
    assertThat(expiredAt(lab, family, r3, sent)).isBetween(212, 274);
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void mplsRoutersShowTheirLabelStacksAtTheirHops(IpFamily family) {
    Lab lab = labs.library("mpls");
    var trace = lab.exec(lab.client(), List.of("traceroute", family.flag(), "-e", "-n", "-q",
        "1", "-w", "2", AddressText.of(lab.destinationAddress(family))), "", WAIT, null);
    List<String> lines = trace.stdout().strip().lines().skip(1).toList();
    assertThat(lines).as(trace.describe()).hasSize(lab.destinationTtl());
    for (int ttl = 1; ttl <= lab.destinationTtl(); ttl++) {
      String line = lines.get(ttl - 1);
      String node = lab.hopPlan().nodes(ttl).iterator().next();
      List<MplsLabelStackEntry> labels = lab.scenario().node(node).router().mpls();
      String address = " " + text(lab.hopAddress(ttl, family)) + " ";
      if (labels.isEmpty()) {
        assertThat(line).as(trace.describe()).contains(address).doesNotContain("<MPLS");
      } else {
        assertThat(line).as(trace.describe())
            .contains(address.stripTrailing() + " " + mplsText(labels) + " ");
      }
    }
  }

  @Test
  void homeIspCdnTracesToTheCdnWithTcp443() {
    Lab lab = labs.library("home-isp-cdn");
    for (IpFamily family : lab.families()) {
      int last = lab.destinationTtl();
      TracerouteLines trace = traceroute(lab, family, "-T", "-p", "443", "-q", "1", "-w", "2",
          "-m", Integer.toString(last));
      assertThat(trace.responders(last)).as(trace.raw())
          .containsExactly(text(lab.destinationAddress(family)));
      // Behind the home NAT the rest of the path still answers, MPLS core included.
      for (int ttl = 2; ttl < last; ttl++) {
        List<String> planned = lab.hopPlan().addresses(ttl, family).stream()
            .map(LibraryScenariosTest::text).toList();
        assertThat(planned).as("hop %d of %s", ttl, trace.raw())
            .containsAll(trace.responders(ttl));
      }
    }
  }

  /** How many of {@code sent} pings with TTL {@code ttl} came back as Time Exceeded. */
  private static int expiredAt(Lab lab, IpFamily family, int ttl, int sent) {
    ExecResult ping = lab.exec(lab.client(), WAIT, "ping", family.flag(), "-n", "-c",
        Integer.toString(sent), "-i", "0.002", "-W", "1", "-t", Integer.toString(ttl),
        AddressText.of(lab.destinationAddress(family)));
    String from = "From " + text(lab.hopAddress(ttl, family)) + " ";
    return (int) ping.stdout().lines().filter(l -> l.startsWith(from)).count();
  }

  /** iputils traceroute's {@code -e} text, e.g. {@code <MPLS:L=24001,E=5,S=0,T=1/L=…>}. */
  static String mplsText(List<MplsLabelStackEntry> labels) {
    List<String> entries = new ArrayList<>();
    for (MplsLabelStackEntry e : labels) {
      entries.add("L=" + e.label() + ",E=" + e.trafficClass() + ",S="
          + (e.bottomOfStack() ? 1 : 0) + ",T=" + e.ttl());
    }
    return "<MPLS:" + String.join("/", entries) + ">";
  }

  private static int hopOf(Lab lab, String router) {
    for (int ttl = 1; ttl < lab.destinationTtl(); ttl++) {
      if (lab.hopPlan().nodes(ttl).contains(router)) {
        return ttl;
      }
    }
    throw new AssertionError(router + " is on no hop of " + lab.scenario().name());
  }

  private static double fastest(TracerouteLines trace, int ttl) {
    List<Double> rtts = new ArrayList<>();
    Matcher m = RTT.matcher(String.join(" ", trace.tokens(ttl)));
    while (m.find()) {
      rtts.add(Double.parseDouble(m.group(1)));
    }
    assertThat(rtts).as("hop %d of %s", ttl, trace.raw()).hasSize(3);
    return rtts.stream().sorted().toList().getFirst();
  }
}
