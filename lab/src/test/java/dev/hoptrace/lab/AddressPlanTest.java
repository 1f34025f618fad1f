package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressPlanTest {

  @Test
  void routerFacesTheClientWithHostTwoOfItsUpstreamLink() {
    assertThat(AddressPlan.address(3, AddressPlan.Side.FAR, IpFamily.IPV4).getHostAddress())
        .isEqualTo("198.18.3.2");
    assertThat(AddressPlan.address(3, AddressPlan.Side.NEAR, IpFamily.IPV4).getHostAddress())
        .isEqualTo("198.18.3.1");
    assertThat(AddressPlan.address(12, AddressPlan.Side.FAR, IpFamily.IPV6).getHostAddress())
        .isEqualTo("2001:db8:0:c:0:0:0:2");
  }

  @Test
  void subnetsStayInsideTheBenchmarkingAndDocumentationRanges() {
    assertThat(AddressPlan.subnet(255, IpFamily.IPV4)).isEqualTo("198.18.255.0/24");
    assertThat(AddressPlan.subnet(7, IpFamily.IPV6)).isEqualTo("2001:db8:0:7::/64");
    assertThat(AddressPlan.labRange(IpFamily.IPV4)).isEqualTo("198.18.0.0/15");
    assertThat(AddressPlan.labRange(IpFamily.IPV6)).isEqualTo("2001:db8::/32");
  }

  @Test
  void refusesLinksOutsideThePlan() {
    assertThatThrownBy(() -> AddressPlan.address(0, AddressPlan.Side.FAR, IpFamily.IPV4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AddressPlan.subnet(256, IpFamily.IPV4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
