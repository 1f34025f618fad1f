package dev.hoptrace.lookup.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The cache in front of the dnsjava resolver, against the loopback test server. */
class CachedDnsEndToEndTest {

  @Test
  void repeatedAndConcurrentLookupsSendOneQueryPerAddress() throws Exception {
    try (TestDnsServer server = TestDnsServer.start()) {
      InetAddress hop = InetAddress.getByName("192.0.2.77");
      server.ptr(hop, "hop77.example.net.", Duration.ofMillis(100));
      var resolver = new CachingReverseResolver(DnsReverseResolver.builder()
          .server(server.hostPort()).noHostsFile().timeout(Duration.ofMillis(800)).build());

      List<CompletableFuture<Optional<String>>> rounds = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        rounds.add(resolver.lookup(hop)); // an mtr-style live view asks every round
      }
      for (var name : rounds) {
        assertThat(name.join()).contains("hop77.example.net");
      }
      assertThat(resolver.lookup(hop).join()).contains("hop77.example.net");
      assertThat(server.queries(hop)).isEqualTo(1);
    }
  }
}
