package dev.hoptrace.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponderTallyTest {

  static InetAddress addr(int n) {
    try {
      return InetAddress.getByAddress(new byte[] {10, 0, (byte) (n >> 8), (byte) n});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mostRepliesFirstTiesByFirstAppearance() {
    ResponderTally tally = new ResponderTally(8);
    for (int n : new int[] {1, 2, 3, 2, 3, 4}) {
      tally.add(addr(n), IcmpExtensions.NONE);
    }

    assertThat(tally.snapshot()).extracting(ResponderShare::address, ResponderShare::replies)
        .containsExactly(tuple(addr(2), 2L), tuple(addr(3), 2L), tuple(addr(1), 1L),
            tuple(addr(4), 1L));
  }

  @Test
  void keepsTheNewestRepliesExtensions() {
    IcmpExtensions mpls = new IcmpExtensions(
        List.of(new MplsLabelStackEntry(16000, 0, true, 1)), List.of(), List.of());
    ResponderTally tally = new ResponderTally(2);
    tally.add(addr(1), IcmpExtensions.NONE);
    tally.add(addr(1), mpls);
    assertThat(tally.snapshot().getFirst().extensions()).isEqualTo(mpls);

    tally.add(addr(1), IcmpExtensions.NONE);
    assertThat(tally.snapshot().getFirst().extensions()).isEqualTo(IcmpExtensions.NONE);
  }

  @Test
  void addressesPastTheCapAreNotTallied() {
    ResponderTally tally = new ResponderTally(HopStatistics.MAX_RESPONDERS);
    for (int n = 0; n < 3 * HopStatistics.MAX_RESPONDERS; n++) {
      tally.add(addr(n), IcmpExtensions.NONE);
    }
    tally.add(addr(0), IcmpExtensions.NONE);

    List<ResponderShare> shares = tally.snapshot();
    assertThat(shares).hasSize(HopStatistics.MAX_RESPONDERS);
    assertThat(shares.getFirst()).isEqualTo(new ResponderShare(addr(0), 2, IcmpExtensions.NONE));
    assertThat(shares).extracting(ResponderShare::address)
        .doesNotContain(addr(HopStatistics.MAX_RESPONDERS));
  }

  @Test
  void resetForgetsTheAddresses() {
    ResponderTally tally = new ResponderTally(1);
    tally.add(addr(1), IcmpExtensions.NONE);
    tally.reset();
    tally.add(addr(2), IcmpExtensions.NONE);

    assertThat(tally.snapshot())
        .containsExactly(new ResponderShare(addr(2), 1, IcmpExtensions.NONE));
  }
}
