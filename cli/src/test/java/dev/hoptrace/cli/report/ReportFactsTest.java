package dev.hoptrace.cli.report;

import static dev.hoptrace.cli.report.ReportFixtures.reached;
import static dev.hoptrace.cli.report.ReportFixtures.render;
import static dev.hoptrace.cli.report.ReportFixtures.report;
import static dev.hoptrace.cli.report.ReportFixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopLookup;
import dev.hoptrace.cli.render.HopNames;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A report waits for its lookups about one timeout in all, however many there are. */
class ReportFactsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  /** A source that never answers: every lookup runs out its whole timeout. */
  private static <V> CompletableFuture<Optional<V>> never(InetAddress address) {
    return new CompletableFuture<>();
  }

  @Test
  void lookupsThatNeverAnswerDelayTheReportByOneTimeoutNotOnePerAddress() {
    // 7 responders x 3 kinds: 21 timeouts, 8.4 s, if they were waited for one after another.
    for (ReportFormat format : ReportFormat.values()) {
      HopFacts facts = silent();
      long start = System.nanoTime();
      String out = render(format.renderer(new ReportOptions(facts, false, "9.9.9",
          ZoneOffset.UTC)), report(reached(), unreachable()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).as(format.name()).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50))
          .isLessThan(TIMEOUT.multipliedBy(3));
      assertThat(out).as(format.name()).contains("10.0.0.33");
    }
    assertThat(render(new TextReport(silent(), false, ZoneOffset.UTC), report(reached())))
        .as("a fact not in by its timeout is unknown").contains(" 1. AS???  10.0.0.1 ");
  }

  /** Names, AS numbers and places that never come; nothing asked yet. */
  private static HopFacts silent() {
    return new HopFacts(Optional.of(new HopNames(ReportFactsTest::never, TIMEOUT)),
        Optional.of(new HopLookup<>(ReportFactsTest::never, TIMEOUT)),
        Optional.of(new HopLookup<>(ReportFactsTest::never, TIMEOUT)));
  }
}
