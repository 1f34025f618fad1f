package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader of traceroute's text output, on output captured from traceroute 2.1 in a lab. */
class TextTraceTest {

  @Test
  void readsAnswersStarsAndAnnotations() throws Exception {
    TextTrace trace = TextTrace.parse("""
        traceroute to 198.18.7.2 (198.18.7.2), 30 hops max, 60 byte packets
         1  198.18.1.2  0.061 ms  0.012 ms  0.010 ms
         2  * * *
         3  198.18.3.2  0.071 ms * 198.18.9.9  0.052 ms
         4  198.18.3.2  0.064 ms !H  0.030 ms !H  0.027 ms !H
        """);
    assertThat(trace.header()).startsWith("traceroute to 198.18.7.2");
    assertThat(trace.hops()).extracting(TextTrace.Hop::ttl).containsExactly(1, 2, 3, 4);
    assertThat(trace.respondersPerHop()).containsExactly(
        List.of(InetAddress.getByName("198.18.1.2")), List.of(),
        List.of(InetAddress.getByName("198.18.3.2"), InetAddress.getByName("198.18.9.9")),
        List.of(InetAddress.getByName("198.18.3.2")));
    assertThat(trace.hops().get(2).probes()).extracting(TextTrace.Probe::answered)
        .containsExactly(true, false, true);
    assertThat(trace.hops().get(3).probes()).extracting(TextTrace.Probe::annotation)
        .containsOnly("!H");
  }

  @Test
  void readsIpv6() throws Exception {
    TextTrace trace = TextTrace.parse("""
        traceroute to 2001:db8:0:7::2 (2001:db8:0:7::2), 30 hops max, 80 byte packets
         1  2001:db8:0:1::2  0.080 ms  0.020 ms  0.017 ms
        """);
    assertThat(trace.respondersPerHop())
        .containsExactly(List.of(InetAddress.getByName("2001:db8:0:1::2")));
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    assertThatThrownBy(() -> TextTrace.parse("header\n 1  router.example  0.1 ms\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("router.example");
    assertThatThrownBy(() -> TextTrace.parse("header\nnot a hop\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TextTrace.parse(" 1  198.18.1.2  0.061 ms\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no header");
    assertThat(TextTrace.parseHops(" 1  198.18.1.2  0.061 ms\n").hops()).hasSize(1);
  }
}
