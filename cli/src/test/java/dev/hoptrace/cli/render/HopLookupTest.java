package dev.hoptrace.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lookup.asn.AsInfo;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HopLookupTest {
  private static final InetAddress ROUTER = InetAddress.ofLiteral("11.22.33.44");

  @Test
  void aLookupThatNeverEndsCostsALineOneTimeoutAndTheEngineNothing() {
    AtomicInteger started = new AtomicInteger();
    HopLookup<AsInfo> asns = new HopLookup<>(address -> {
      started.incrementAndGet();
      return new CompletableFuture<>();
    }, Duration.ofMillis(200));

    long start = System.nanoTime();
    asns.prefetch(ROUTER); // what the engine thread calls
    asns.prefetch(ROUTER);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
    assertThat(started).hasValue(1);

    assertThat(asns.get(ROUTER)).isEmpty(); // what the printer thread calls
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(waited).isBetween(Duration.ofMillis(190), Duration.ofSeconds(2));
    long again = System.nanoTime();
    assertThat(asns.get(ROUTER)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - again)).as("the deadline has passed")
        .isLessThan(Duration.ofMillis(100));
  }

  @Test
  void anAnswerInTimeIsGivenAndAThrowingSourceIsNoAnswer() {
    HopLookup<AsInfo> asns = new HopLookup<>(
        address -> CompletableFuture.completedFuture(Optional.of(AsInfo.of(64500))),
        Duration.ofSeconds(1));
    HopLookup<AsInfo> broken = new HopLookup<>(address -> {
      throw new IllegalStateException("broken");
    }, Duration.ofSeconds(1));

    assertThat(asns.get(ROUTER)).contains(AsInfo.of(64500));
    assertThat(asns.known(ROUTER)).contains(AsInfo.of(64500));
    assertThat(broken.get(ROUTER)).isEmpty();
  }

  @Test
  void aViewAsksAgainAMinuteAfterAMissButKeepsWhatItFound() {
    AtomicLong now = new AtomicLong();
    AtomicInteger asked = new AtomicInteger();
    HopLookup<AsInfo> asns = new HopLookup<>(address -> CompletableFuture.completedFuture(
        asked.incrementAndGet() == 1 ? Optional.empty() : Optional.of(AsInfo.of(64500))),
        Duration.ofSeconds(1), now::get);

    assertThat(asns.known(ROUTER)).isEmpty();
    now.addAndGet(HopLookup.RETRY.minusSeconds(1).toNanos());
    assertThat(asns.known(ROUTER)).isEmpty();
    assertThat(asked).as("a miss stands for a while").hasValue(1);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(asns.known(ROUTER)).isEmpty();
    assertThat(asns.known(ROUTER)).contains(AsInfo.of(64500));
    assertThat(asked).hasValue(2);
    now.addAndGet(HopLookup.RETRY.multipliedBy(10).toNanos());
    assertThat(asns.known(ROUTER)).contains(AsInfo.of(64500));
    assertThat(asked).as("an answer is kept").hasValue(2);
  }
}
