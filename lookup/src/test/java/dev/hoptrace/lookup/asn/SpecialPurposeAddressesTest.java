package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialPurposeAddressesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.0.0.0", "10.255.255.255", "100.64.0.0", "100.127.255.255",
      "127.0.0.1", "169.254.0.1", "172.16.0.0", "172.31.255.255", "192.0.0.8", "192.0.2.255",
      "192.88.99.1", "192.168.255.1", "198.18.0.0", "198.19.255.255", "198.51.100.1",
      "203.0.113.255", "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.255",
      "::", "::1", "fe80::1", "fc00::1", "fdff::1", "ff02::1", "2001::1", "2001:1ff::1",
      "2001:db8:ffff::1", "2002::1", "3fff:fff::1", "64:ff9b::1", "100::1", "1fff::1"})
  void noAsAnnounces(String address) {
    assertThat(SpecialPurposeAddresses.contains(InetAddress.ofLiteral(address))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255",
      "100.128.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.169.0.0",
      "198.17.255.255", "198.20.0.0", "198.51.101.0", "203.0.112.255", "223.255.255.255",
      "2001:200::1", "2001:db7:ffff::1", "2001:db9::1", "2003::1", "2a00:1450::1",
      "3ffe::1", "3fff:1000::1"})
  void announcedSpaceIsAskedAbout(String address) {
    assertThat(SpecialPurposeAddresses.contains(InetAddress.ofLiteral(address))).isFalse();
  }

  @Test
  void anIpv4MappedAddressIsItsIpv4Address() {
    // Java reads ::ffff:a.b.c.d as the IPv4 address itself, so it is judged as one.
    assertThat(SpecialPurposeAddresses.contains(InetAddress.ofLiteral("::ffff:8.8.8.8"))).isFalse();
    assertThat(SpecialPurposeAddresses.contains(InetAddress.ofLiteral("::ffff:10.0.0.1"))).isTrue();
  }
}
