package dev.hoptrace.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextTest {

  /** Expected forms from RFC 5952 §4 and its examples. */
  @ParameterizedTest
  @CsvSource({
      "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "0:0:0:0:0:0:0:1, ::1",
      "0:0:0:0:0:0:0:0, ::",
      "fe80:0:0:0:0:0:0:0, fe80::",
      "2001:db8:1:2:3:4:5:0, 2001:db8:1:2:3:4:5:0",
      "198.18.1.1, 198.18.1.1",
  })
  void formatsAsRfc5952(String input, String expected) throws Exception {
    assertThat(AddressText.of(InetAddress.getByName(input))).isEqualTo(expected);
  }
}
