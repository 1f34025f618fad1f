package dev.hoptrace.lookup.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameServersTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1, 53",
    "127.0.0.1:5353, 127.0.0.1, 5353",
    "::1, ::1, 53",
    "[::1], ::1, 53",
    "[::1]:5353, ::1, 5353",
    "' 127.0.0.1:53 ', 127.0.0.1, 53",
  })
  void acceptsTheUsualForms(String text, String host, int port) throws Exception {
    assertThat(NameServers.parse(text))
        .isEqualTo(new InetSocketAddress(InetAddress.getByName(host), port));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":53", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "[::1",
      "[::1]x", "[::1]:"})
  void rejectsWithAMessageThatShowsTheForms(String text) {
    assertThatThrownBy(() -> NameServers.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
  }
}
