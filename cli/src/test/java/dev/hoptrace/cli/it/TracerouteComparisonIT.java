package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lab.RouterBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hoptrace and the system's traceroute on the same path, same method, same family: the same
 * hops, and both the lab's. Router 5 of 7 is silent, so both must also agree on a "* * *" hop.
 */
class TracerouteComparisonIT {
  private static final int SILENT_ROUTER = 5;
  private static Lab lab;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(7).router(SILENT_ROUTER, RouterBehaviour.SILENT).start();
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  static Stream<Arguments> methodsFamiliesAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (Method method : Method.values()) {
      for (IpFamily family : IpFamily.values()) {
        for (RunAs user : RunAs.values()) {
          all.add(Arguments.of(method, family, user));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} hoptrace {2}")
  @MethodSource("methodsFamiliesAndModes")
  void sameHopsAsTraceroute(Method method, IpFamily family, RunAs user) {
    String dst = AddressText.of(lab.destinationAddress(family));
    List<String> args = new ArrayList<>(method.flags());
    args.addAll(List.of(family.flag(), "-w", "1", dst));
    TextTrace theirs = new SystemTraceroute(lab).run(args.toArray(String[]::new));
    TraceReport ours = new Hoptrace(lab).trace(user, args.toArray(String[]::new));

    List<List<java.net.InetAddress>> expected = new ArrayList<>();
    for (int ttl = 1; ttl <= lab.destinationTtl(); ttl++) {
      expected.add(ttl == SILENT_ROUTER ? List.of() : List.of(lab.hopAddress(ttl, family)));
    }
    assertThat(theirs.respondersPerHop()).as("system traceroute: %s", theirs).isEqualTo(expected);
    assertThat(ours.respondersPerHop()).as("hoptrace: %s", ours.raw()).isEqualTo(expected);
    assertThat(ours.hops()).extracting(TraceReport.Hop::ttl)
        .isEqualTo(theirs.hops().stream().map(TextTrace.Hop::ttl).toList());
  }
}
