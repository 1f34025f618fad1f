package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library scenario the kernel can build (root only), traced with the system's
 * traceroute from the client: each hop answers from an address the scenario's address plan
 * gives it (the router's address on the link the probe came in on, or its reply-from address).
 */
class LibraryScenariosTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final ScenarioLabs labs = ScenarioLabs.SHARED;

  @BeforeAll
  static void root() {
    RootOnly.require();
  }

  static Stream<String> names() {
    return ScenarioLibrary.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyHopAnswersFromItsPlannedAddress(String name) {
    Lab lab = labs.library(name);
    for (IpFamily family : lab.families()) {
      TracerouteLines trace = traceroute(lab, family, "-q", "2", "-w", "1", "-m",
          Integer.toString(lab.destinationTtl()));
      assertThat(trace.responders(1)).as(trace.raw()).isNotEmpty();
      for (int ttl = 1; ttl <= lab.destinationTtl(); ttl++) {
        Set<String> planned = new HashSet<>();
        lab.hopPlan().addresses(ttl, family).forEach(a -> planned.add(AddressText.of(a)));
        // A rejecting router answers for the hop after it too (with !H and friends).
        if (ttl > 1) {
          lab.hopPlan().addresses(ttl - 1, family).forEach(a -> planned.add(AddressText.of(a)));
        }
        assertThat(planned).as("hop %d of %s", ttl, trace.raw())
            .containsAll(trace.responders(ttl));
      }
    }
  }

  static TracerouteLines traceroute(Lab lab, IpFamily family, String... options) {
    List<String> command = new ArrayList<>(List.of("traceroute", family.flag(), "-n"));
    command.addAll(List.of(options));
    command.add(AddressText.of(lab.destinationAddress(family)));
    return TracerouteLines.parse(lab.exec(lab.client(), command, "", WAIT, null));
  }

  static String text(InetAddress address) {
    return AddressText.of(address);
  }
}
