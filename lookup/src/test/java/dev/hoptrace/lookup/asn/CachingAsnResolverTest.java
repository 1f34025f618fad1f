package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachingAsnResolverTest {
  private static final InetAddress HOP = InetAddress.ofLiteral("11.22.33.44");
  private static final AsInfo AS = new AsInfo(64500, "11.22.32.0/20", "NL", "ripencc", "EXAMPLE");

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final InstantSource clock = now::get;

  @Test
  void aLookupThatNeverEndsIsNothingWithinTheBoundAndIsAskedAgainLater() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    var cache = new CachingAsnResolver(address -> {
      asked.incrementAndGet();
      return new CompletableFuture<>(); // never completes
    }, Duration.ofMillis(100), 16, Duration.ofHours(1), Duration.ofMinutes(1), clock);

    long start = System.nanoTime();
    assertThat(cache.lookup(HOP).get()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(cache.lookup(HOP).get()).isEmpty();
    assertThat(asked).as("a timeout is remembered for the negative age").hasValue(1);

    now.set(Instant.EPOCH.plus(Duration.ofMinutes(2)));
    cache.lookup(HOP);
    assertThat(asked).hasValue(2);
  }

  @Test
  void anAnswerIsKeptForItsAgeAndSharedWhilePending() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    CompletableFuture<Optional<AsInfo>> answer = new CompletableFuture<>();
    var cache = new CachingAsnResolver(address -> {
      asked.incrementAndGet();
      return answer;
    }, Duration.ofSeconds(5), 16, Duration.ofHours(1), Duration.ofMinutes(1), clock);

    var first = cache.lookup(HOP);
    var second = cache.lookup(HOP);
    answer.complete(Optional.of(AS));
    assertThat(first.get()).contains(AS);
    assertThat(second.get()).contains(AS);
    now.set(Instant.EPOCH.plus(Duration.ofMinutes(59)));
    assertThat(cache.lookup(HOP).get()).contains(AS);
    assertThat(asked).hasValue(1);

    now.set(Instant.EPOCH.plus(Duration.ofMinutes(61)));
    cache.lookup(HOP);
    assertThat(asked).hasValue(2);
  }

  @Test
  void aFailingOrThrowingResolverIsNoAs() throws Exception {
    var failing = new CachingAsnResolver(
        address -> CompletableFuture.failedFuture(new IllegalStateException("broken")),
        Duration.ofSeconds(1));
    var throwing = new CachingAsnResolver(address -> {
      throw new IllegalStateException("broken");
    }, Duration.ofSeconds(1));

    assertThat(failing.lookup(HOP).get()).isEmpty();
    assertThat(throwing.lookup(HOP).get()).isEmpty();
  }

  @Test
  void theBoundDoesNotTouchTheDelegatesOwnFuture() throws Exception {
    CompletableFuture<Optional<AsInfo>> shared = new CompletableFuture<>();
    var cache = new CachingAsnResolver(address -> shared, Duration.ofMillis(50));

    assertThat(cache.lookup(HOP).get()).isEmpty();
    assertThat(shared).isNotDone();
  }
}
