package dev.hoptrace.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HopNamesTest {
  private static final InetAddress ROUTER = InetAddress.ofLiteral("192.0.2.1");

  @Test
  void knownStartsTheLookupButNeverWaitsForIt() {
    CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
    AtomicInteger lookups = new AtomicInteger();
    HopNames names = new HopNames(address -> {
      lookups.incrementAndGet();
      return answer;
    }, Duration.ofHours(1));

    long start = System.nanoTime();
    assertThat(names.known(ROUTER)).isEmpty();
    assertThat(names.known(ROUTER)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(lookups).hasValue(1);

    answer.complete(Optional.of("r1.example.net"));
    assertThat(names.known(ROUTER)).contains("r1.example.net");
  }

  @Test
  void aFailedLookupIsNoName() {
    HopNames names = new HopNames(
        address -> CompletableFuture.failedFuture(new IllegalStateException("resolver broke")),
        Duration.ofSeconds(1));

    assertThat(names.known(ROUTER)).isEmpty();
  }
}
