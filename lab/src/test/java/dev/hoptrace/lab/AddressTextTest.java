package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

  private static String text(String literal) throws Exception {
    return AddressText.of(InetAddress.getByName(literal));
  }

  @Test
  void printsIpv6InCanonicalForm() throws Exception {
    assertThat(text("2001:db8:0:7:0:0:0:2")).isEqualTo("2001:db8:0:7::2");
    assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(text("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(text("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(text("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
  }

  @Test
  void printsIpv4AsDottedQuad() throws Exception {
    assertThat(text("198.18.7.2")).isEqualTo("198.18.7.2");
  }
}
