package dev.hoptrace.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sizes path MTU discovery resends a refused probe with, and where it gives up. */
class MtuDiscoveryTest {
  private static final InetAddress ROUTER = InetAddress.ofLiteral("198.18.2.2");

  private static Reply tooBig(int mtu) {
    return new Reply(new WireKey(0, 0, 1), Optional.empty(), ROUTER, ReplyKind.PACKET_TOO_BIG,
        3, 4, mtu, 63, 0, Optional.empty(), IcmpExtensions.NONE);
  }

  /** A probe sent now, at the size reached. */
  private static ProbeSlot sentAt(MtuDiscovery mtu, int ttl) {
    ProbeSlot slot = new ProbeSlot(ttl, 0, ttl);
    mtu.sent(slot.sequence);
    slot.sent = new SentProbe(new WireKey(0, 0, ttl), 0);
    return slot;
  }

  /** The same probe sent again, at the size reached. */
  private static ProbeSlot resent(MtuDiscovery mtu, ProbeSlot slot) {
    mtu.sent(slot.sequence);
    return slot;
  }

  @Test
  void shrinksToTheReportedMtuAndRemembersWhoReportedIt() {
    MtuDiscovery mtu = new MtuDiscovery(1500, false);
    ProbeSlot slot = sentAt(mtu, 3);

    assertThat(mtu.shrink(slot, tooBig(1400))).isEqualTo(1400);
    assertThat(mtu.size()).isEqualTo(1400);
    assertThat(mtu.hop(new ProbeSlot[] {resent(mtu, slot)}).getFirst().learnedFrom())
        .contains(ROUTER);
  }

  @Test
  void anIpv6MtuBelow1280IsTakenAs1280AndThenTheProbeGivesUp() {
    MtuDiscovery mtu = new MtuDiscovery(1500, true);
    ProbeSlot slot = sentAt(mtu, 3);

    assertThat(mtu.shrink(slot, tooBig(1000))).isEqualTo(1280); // RFC 8201 §4
    resent(mtu, slot);
    assertThat(mtu.shrink(slot, tooBig(1000))).isZero(); // cannot go lower: !F-1000 stands
    assertThat(mtu.size()).isEqualTo(1280);
  }

  @Test
  void anIpv4MtuBelow68IsTakenAs68() {
    MtuDiscovery mtu = new MtuDiscovery(1500, false);
    assertThat(mtu.shrink(sentAt(mtu, 2), tooBig(20))).isEqualTo(68);
  }

  @Test
  void anOldRouterThatSaysNothingGetsTheNextRfc1191Plateau() {
    MtuDiscovery mtu = new MtuDiscovery(1500, false);
    ProbeSlot slot = sentAt(mtu, 2);

    assertThat(mtu.shrink(slot, tooBig(0))).isEqualTo(1492);
    resent(mtu, slot);
    assertThat(mtu.shrink(slot, tooBig(0))).isEqualTo(1006);
  }

  @Test
  void aReportNoSmallerThanTheProbeIsItsOutcome() {
    MtuDiscovery mtu = new MtuDiscovery(1400, false);
    assertThat(mtu.shrink(sentAt(mtu, 2), tooBig(1400))).isZero();
    assertThat(mtu.shrink(sentAt(mtu, 2), tooBig(9000))).isZero();
    assertThat(mtu.size()).isEqualTo(1400);
  }

  @Test
  void aLyingRouterCannotMakeAProbeLoop() {
    MtuDiscovery mtu = new MtuDiscovery(65000, false);
    ProbeSlot slot = sentAt(mtu, 2);
    int resends = 0;
    for (int next = mtu.shrink(slot, tooBig(mtu.size() - 1)); next > 0;
        next = mtu.shrink(slot, tooBig(mtu.size() - 1))) {
      resent(mtu, slot);
      resends++;
    }
    assertThat(resends).isEqualTo(MtuDiscovery.MAX_SHRINKS);
  }

  @Test
  void theDropIsMarkedAtTheFirstProbeInTtlOrderSentAtTheNewSize() {
    MtuDiscovery mtu = new MtuDiscovery(1500, false);
    ProbeSlot[] hop2 = {slot(mtu, 2, 0), slot(mtu, 2, 1)};
    ProbeSlot refused = slot(mtu, 3, 0);
    assertThat(mtu.shrink(refused, tooBig(1400))).isEqualTo(1400);
    ProbeSlot[] hop3 = {resent(mtu, refused), slot(mtu, 3, 1)};

    assertThat(mtu.hop(hop2)).noneMatch(p -> p.dropped());
    assertThat(mtu.hop(hop3)).extracting(p -> p.learnedMtu()).containsExactly(1400, 0);
    assertThat(mtu.result().drops()).hasSize(1);
  }

  private static ProbeSlot slot(MtuDiscovery mtu, int ttl, int index) {
    ProbeSlot slot = new ProbeSlot(ttl, index, ttl * 10 + index);
    mtu.sent(slot.sequence);
    slot.sent = new SentProbe(new WireKey(0, 0, slot.sequence), 0);
    return slot;
  }
}
