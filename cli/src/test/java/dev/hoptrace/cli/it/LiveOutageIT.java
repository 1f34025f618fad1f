package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.linux.LinuxNetwork;
import dev.hoptrace.linux.NetworkNamespace;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A continuous trace (the engine under {@code hoptrace live} and {@code report}) through an outage:
 * the client's route into the lab goes away for a second (deleted, or its interface taken down)
 * while rounds run every 0.2 s. The run must carry on through it, count the probes that could not
 * be sent as lost, say what is wrong while it lasts, and stop saying so once the route is back.
 */
class LiveOutageIT {
  private static final String LAB_RANGE = "198.18.0.0/15";
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final int ROUNDS = 20;
  private static Lab lab;

  @BeforeAll
  static void startLab() {
    ItEnvironment.requireRoot();
    lab = Lab.start(ScenarioLibrary.load("linear"));
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  /** How the client loses its way into the lab, and gets it back. */
  enum Fault {
    ROUTE_DELETED {
      @Override
      void cut(String route) {
        ip("route", "del", LAB_RANGE);
      }
    },
    LINK_DOWN {
      @Override
      void cut(String route) {
        ip("link", "set", "dev", device(route), "down");
      }
    };

    abstract void cut(String route);

    /** Brings the link up (a no-op when it is up) and puts the route back. */
    void restore(String route) {
      ip("link", "set", "dev", device(route), "up");
      List<String> add = new ArrayList<>(List.of("route", "replace"));
      add.addAll(List.of(route.split("\\s+")));
      ip(add.toArray(String[]::new));
    }

    private static String device(String route) {
      List<String> words = List.of(route.split("\\s+"));
      return words.get(words.indexOf("dev") + 1);
    }
  }

  /** Every snapshot the engine published, in order, with the moment it arrived. */
  private record Published(long at, LiveSnapshot snapshot) {}

  @ParameterizedTest(name = "{0} {1}, {2}")
  @CsvSource({"ICMP, RAW, ROUTE_DELETED", "UDP, UNPRIVILEGED, ROUTE_DELETED",
      "ICMP, RAW, LINK_DOWN", "UDP, UNPRIVILEGED, LINK_DOWN"})
  void outageIsLossAndAProblemUntilTheRouteIsBack(Protocol protocol, ProbeMode mode, Fault fault)
      throws Exception {
    TraceRequest request = TraceRequest.to(lab.destinationAddress(IpFamily.IPV4))
        .protocol(protocol).mode(mode).probesPerHop(1).maxInFlight(256).build();
    List<Published> published = new ArrayList<>();
    LiveListener listener = snapshot -> {
      synchronized (published) {
        published.add(new Published(System.nanoTime(), snapshot));
      }
    };
    CompletableFuture<LiveSnapshot> run = CompletableFuture.supplyAsync(() -> {
      try {
        return NetworkNamespace.call(lab.client().namespace(), () -> new LiveTracer(
            new LinuxNetwork()).run(request, new RoundPolicy(INTERVAL, ROUNDS,
            Duration.ofSeconds(5)), listener, new LiveControl()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    awaitSnapshot(published, s -> s.rounds() >= 5);
    LiveSnapshot before = latest(published);
    String route = ip("route", "show", LAB_RANGE).strip();
    assertThat(route).startsWith(LAB_RANGE + " via ");
    fault.cut(route);
    long cut = System.nanoTime();
    long restored;
    try {
      Thread.sleep(1000);
    } finally {
      fault.restore(route); // also when interrupted: later cases share the lab
      restored = System.nanoTime();
    }

    LiveSnapshot last = run.get(30, TimeUnit.SECONDS);
    List<Published> all;
    synchronized (published) {
      all = List.copyOf(published);
    }

    assertThat(before.hops()).allSatisfy(h -> assertThat(h.lost()).isZero());
    assertThat(last.finished()).isTrue();
    assertThat(last.rounds()).isEqualTo(ROUNDS);
    assertThat(last.destinationTtl()).isEqualTo(7);
    // Each round of the outage lost its probe to every hop: about 5 rounds in a second.
    List<Long> lost = last.hops().stream().map(HopSnapshot::lost).toList();
    assertThat(lost).as("lost per hop: %s", last.hops()).allSatisfy(n -> assertThat(n)
        .isBetween(3L, 8L));
    assertThat(lost.stream().mapToLong(Long::longValue).max().orElseThrow()
        - lost.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    assertThat(last.hops()).allSatisfy(h -> assertThat(h.sent()).isEqualTo(ROUNDS));

    List<LiveSnapshot> during = all.stream().filter(p -> p.at() > cut && p.at() < restored)
        .map(Published::snapshot).toList();
    assertThat(during).as("snapshots during the outage").isNotEmpty()
        .anySatisfy(s -> assertThat(s.problem()).hasValueSatisfying(
            p -> assertThat(p).startsWith("sending failed: ")));
    // Once a round has run without trouble after the route came back, the problem is gone.
    List<LiveSnapshot> after = all.stream().filter(p -> p.at() > restored)
        .map(Published::snapshot).toList();
    int cleared = indexOf(after, s -> s.problem().isEmpty());
    assertThat(cleared).as("a snapshot without the problem after the route came back")
        .isNotNegative();
    assertThat(after.subList(cleared, after.size()))
        .allSatisfy(s -> assertThat(s.problem()).isEmpty());
    assertThat(last.problem()).isEmpty();
  }

  private static String ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    return lab.exec(lab.client(), command, "", Duration.ofSeconds(10), null).orThrow().stdout();
  }

  private static LiveSnapshot latest(List<Published> published) {
    synchronized (published) {
      return published.getLast().snapshot();
    }
  }

  private static void awaitSnapshot(List<Published> published, Predicate<LiveSnapshot> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      synchronized (published) {
        if (!published.isEmpty() && wanted.test(published.getLast().snapshot())) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the trace did not get going: " + published);
  }

  private static <T> int indexOf(List<T> list, Predicate<T> wanted) {
    for (int i = 0; i < list.size(); i++) {
      if (wanted.test(list.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
