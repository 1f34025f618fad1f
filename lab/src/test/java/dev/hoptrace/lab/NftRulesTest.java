package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NftRulesTest {
  private static final InetAddress DST4 = AddressPlan.address(7, AddressPlan.Side.FAR,
      IpFamily.IPV4);
  private static final InetAddress DST6 = AddressPlan.address(7, AddressPlan.Side.FAR,
      IpFamily.IPV6);

  @Test
  void answeringRouterOnlyRemovesOldRules() {
    assertThat(NftRules.script(RouterBehaviour.ANSWERING, DST4, DST6))
        .isEqualTo("table inet hoptrace_lab\ndelete table inet hoptrace_lab\n");
  }

  @Test
  void silentRouterDropsTheTimeExceededItSends() {
    String script = NftRules.script(RouterBehaviour.SILENT, DST4, DST6);
    assertThat(script).contains("hook output").contains("icmp type time-exceeded drop")
        .contains("icmpv6 type time-exceeded drop");
  }

  @Test
  void firewallDropsWhatItWouldForward() {
    assertThat(NftRules.script(RouterBehaviour.FIREWALL, DST4, DST6))
        .contains("hook forward priority 0; policy drop;");
  }

  @Test
  void rejectingRouterUsesTheFamilysOwnUnreachableCode() {
    String script = NftRules.script(RouterBehaviour.rejecting(Unreachable.HOST), DST4, DST6);
    assertThat(script)
        .contains("ip daddr 198.18.7.2 reject with icmp type host-unreachable")
        .contains("ip6 daddr 2001:db8:0:7:0:0:0:2 reject with icmpv6 type addr-unreachable");
    assertThat(NftRules.script(RouterBehaviour.rejecting(Unreachable.NET), DST4, DST6))
        .contains("icmp type net-unreachable").contains("icmpv6 type no-route");
    assertThat(NftRules.script(RouterBehaviour.rejecting(Unreachable.ADMIN_PROHIBITED), DST4,
        DST6)).contains("icmp type admin-prohibited").contains("icmpv6 type admin-prohibited");
  }
}
