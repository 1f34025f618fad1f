package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every probe method in both families and both modes, through six answering Linux routers: the
 * exact path, every probe answered, stopped at the destination.
 */
class LinearPathIT {
  private static final int ROUTERS = 6;
  private static Lab lab;
  private static Hoptrace hoptrace;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(ROUTERS).start();
    hoptrace = new Hoptrace(lab);
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

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("methodsFamiliesAndModes")
  void tracesTheWholePathHopByHop(Method method, IpFamily family, RunAs user) {
    List<String> args = new ArrayList<>(method.flags());
    args.addAll(List.of(family.flag(), "-w", "2", AddressText.of(lab.destinationAddress(family))));
    TraceReport report = hoptrace.trace(user, args.toArray(String[]::new));

    PathAssertions.assertReachedWholePath(report, lab, family, method, 1, 3);
    assertThat(report.mode()).isEqualTo(user.mode());
    assertThat(report.maxTtl()).isEqualTo(30);
    assertThat(report.packetLength()).isEqualTo(family == IpFamily.IPV4 ? 60 : 80);
    assertThat(report.dropped().get("malformed").asInt()).as(report.raw()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void autoModePicksRawForRootAndUnprivilegedForNobody(IpFamily family) {
    String dst = AddressText.of(lab.destinationAddress(family));
    TraceReport asRoot = TraceReport.parse(hoptrace.runRaw(RunAs.ROOT_RAW, "-n", "-o", "json",
        family.flag(), dst));
    TraceReport asNobody = TraceReport.parse(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n",
        "-o", "json", family.flag(), dst));
    assertThat(asRoot.mode()).isEqualTo("raw");
    assertThat(asNobody.mode()).isEqualTo("unprivileged");
    PathAssertions.assertReachedWholePath(asRoot, lab, family, Method.UDP, 1, 3);
    PathAssertions.assertReachedWholePath(asNobody, lab, family, Method.UDP, 1, 3);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void resolvesTheDestinationNameInTheRequestedFamily(IpFamily family) {
    TraceReport report = hoptrace.trace(RunAs.NOBODY_UNPRIVILEGED, family.flag(),
        lab.destinationName());
    assertThat(report.host()).isEqualTo(lab.destinationName());
    PathAssertions.assertReachedWholePath(report, lab, family, Method.UDP, 1, 3);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RunAs.class)
  void textOutputReadsLikeLinuxTraceroute(RunAs user) {
    ExecResult run = hoptrace.text(user, AddressText.of(lab.destinationAddress(IpFamily.IPV4)));
    TextTrace text;
    try {
      text = TextTrace.parse(run.stdout());
    } catch (IllegalArgumentException e) {
      throw new AssertionError(e.getMessage() + "\n" + run.describe(), e);
    }
    assertThat(text.respondersPerHop()).as(run.describe())
        .isEqualTo(PathAssertions.onePerHop(lab.pathAddresses(IpFamily.IPV4)));
    for (TextTrace.Hop hop : text.hops()) {
      assertThat(hop.probes()).as(run.describe()).hasSize(3).allMatch(TextTrace.Probe::answered)
          .allMatch(p -> p.annotation() == null);
    }
    // " 1  198.18.1.2  0.123 ms  0.100 ms  0.090 ms": the address once, two spaces apart.
    assertThat(run.stdout().lines().skip(1).findFirst().orElseThrow()).as(run.describe())
        .matches(" 1  198\\.18\\.1\\.2  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms  \\d+\\.\\d{3} ms");
    assertThat(text.header()).as(run.describe()).contains("198.18.7.2");
  }

  @Test
  void concurrentTracesDoNotTakeEachOthersReplies() throws Exception {
    // Raw ICMP sockets see every reply on the host: trace ids must keep runs apart.
    List<Thread> threads = new ArrayList<>();
    List<TraceReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      List<String> args = new ArrayList<>(i % 2 == 0 ? List.of("-I") : List.<String>of());
      args.addAll(List.of("-w", "2", AddressText.of(lab.destinationAddress(IpFamily.IPV4))));
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          reports.add(hoptrace.trace(RunAs.ROOT_RAW, args.toArray(String[]::new)));
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    for (TraceReport report : reports) {
      PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV4,
          report.protocol().equals("icmp") ? Method.ICMP : Method.UDP, 1, 3);
    }
  }
}
