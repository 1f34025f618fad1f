package dev.hoptrace.lookup.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingReverseResolverTest {

  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration NEGATIVE_TTL = Duration.ofMinutes(1);

  /** A delegate whose answers the test completes by hand, counting lookups per address. */
  private static final class ScriptedResolver implements ReverseResolver {
    final Map<InetAddress, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<InetAddress, CompletableFuture<Optional<String>>> pending = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Optional<String>> lookup(InetAddress address) {
      calls.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
      return pending.computeIfAbsent(address, a -> new CompletableFuture<>());
    }

    int calls(InetAddress address) {
      AtomicInteger n = calls.get(address);
      return n == null ? 0 : n.get();
    }

    void answer(InetAddress address, String name) {
      pending.remove(address).complete(Optional.ofNullable(name));
    }
  }

  /** A clock the test moves. */
  private static final class ManualClock implements InstantSource {
    Instant now = Instant.parse("2026-01-27T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ScriptedResolver delegate = new ScriptedResolver();
  private final ManualClock clock = new ManualClock();

  private CachingReverseResolver cache(int maxEntries) {
    return new CachingReverseResolver(delegate, maxEntries, TTL, NEGATIVE_TTL, clock);
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void repeatedLookupsAskOnce() throws Exception {
    var cache = cache(16);
    InetAddress a = ip("192.0.2.1");
    var first = cache.lookup(a);
    delegate.answer(a, "r1.example");
    assertThat(first.join()).contains("r1.example");
    for (int i = 0; i < 10; i++) {
      assertThat(cache.lookup(a).join()).contains("r1.example");
    }
    assertThat(delegate.calls(a)).isEqualTo(1);
  }

  @Test
  void concurrentAskersShareOnePendingLookup() throws Exception {
    var cache = cache(16);
    InetAddress a = ip("192.0.2.2");
    List<CompletableFuture<Optional<String>>> waiting = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<CompletableFuture<CompletableFuture<Optional<String>>>> asks = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        asks.add(CompletableFuture.supplyAsync(() -> {
          awaitQuietly(go);
          return cache.lookup(a);
        }, pool));
      }
      go.countDown();
      asks.forEach(ask -> waiting.add(ask.join()));
    }
    assertThat(waiting).allMatch(f -> !f.isDone());
    delegate.answer(a, "shared.example");
    assertThat(waiting).allMatch(f -> f.join().equals(Optional.of("shared.example")));
    assertThat(delegate.calls(a)).isEqualTo(1);
  }

  @Test
  void oneCallerCancellingDoesNotSpoilTheOthers() throws Exception {
    var cache = cache(16);
    InetAddress a = ip("192.0.2.3");
    var impatient = cache.lookup(a);
    var patient = cache.lookup(a);
    impatient.cancel(true);
    delegate.answer(a, "r3.example");
    assertThat(patient.join()).contains("r3.example");
    assertThat(cache.lookup(a).join()).contains("r3.example");
  }

  @Test
  void namesExpireAfterTheirTtlAndMissesSooner() throws Exception {
    var cache = cache(16);
    InetAddress named = ip("192.0.2.4");
    InetAddress unnamed = ip("192.0.2.5");
    cache.lookup(named);
    cache.lookup(unnamed);
    delegate.answer(named, "r4.example");
    delegate.answer(unnamed, null);

    clock.now = clock.now.plus(NEGATIVE_TTL);
    cache.lookup(named);
    cache.lookup(unnamed);
    assertThat(delegate.calls(named)).isEqualTo(1);
    assertThat(delegate.calls(unnamed)).isEqualTo(2);

    clock.now = clock.now.plus(TTL);
    cache.lookup(named);
    assertThat(delegate.calls(named)).isEqualTo(2);
  }

  @Test
  void pendingLookupNeverExpires() throws Exception {
    var cache = cache(16);
    InetAddress a = ip("192.0.2.6");
    cache.lookup(a);
    clock.now = clock.now.plus(TTL.multipliedBy(10));
    cache.lookup(a);
    assertThat(delegate.calls(a)).isEqualTo(1);
  }

  @Test
  void sizeIsBoundedAndTheLeastRecentlyUsedGoesFirst() throws Exception {
    var cache = cache(3);
    InetAddress a = ip("192.0.2.10");
    InetAddress b = ip("192.0.2.11");
    InetAddress c = ip("192.0.2.12");
    InetAddress d = ip("192.0.2.13");
    for (InetAddress x : List.of(a, b, c)) {
      cache.lookup(x);
      delegate.answer(x, "n.example");
    }
    cache.lookup(a); // a is now the most recently used; b the least
    cache.lookup(d);
    delegate.answer(d, "d.example");
    assertThat(cache.size()).isEqualTo(3);

    cache.lookup(a);
    cache.lookup(c);
    assertThat(delegate.calls(a)).isEqualTo(1);
    assertThat(delegate.calls(c)).isEqualTo(1);
    cache.lookup(b);
    assertThat(delegate.calls(b)).isEqualTo(2);
  }

  @Test
  void aFailingDelegateBecomesNoName() throws Exception {
    ReverseResolver broken = address -> CompletableFuture.failedFuture(new RuntimeException("x"));
    ReverseResolver throwing = address -> {
      throw new IllegalStateException("y");
    };
    for (ReverseResolver bad : List.of(broken, throwing)) {
      var cache = new CachingReverseResolver(bad);
      assertThat(cache.lookup(ip("192.0.2.20")).join()).isEmpty();
    }
  }

  @Test
  void noneKnowsNoNames() throws Exception {
    assertThat(ReverseResolver.none().lookup(ip("192.0.2.1")).join()).isEmpty();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
