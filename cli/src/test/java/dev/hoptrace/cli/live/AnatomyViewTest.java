package dev.hoptrace.cli.live;

import static dev.hoptrace.cli.live.ScreenText.join;
import static dev.hoptrace.cli.live.ScreenText.render;
import static dev.hoptrace.cli.live.ScreenText.row;
import static dev.hoptrace.cli.live.ScreenText.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.anatomy.HopEvidence;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The live views show the path's anatomy: the example path's hop 2 sits behind a NAT that left
 * its quote rewritten (100.64.9.9), hop 3 sees DSCP 46 and names its interface (RFC 5837).
 */
class AnatomyViewTest {
  private static final InterfaceInformation XE = new InterfaceInformation(0, OptionalInt.of(7),
      Optional.empty(), Optional.of("xe-0/0/1"), OptionalInt.empty());

  @Test
  void theTableShowsTheMarksUnderTheHopTheyBelongTo() {
    List<String> screen = render(ViewState.initial(true, false), 200, 50, Fixtures.KNOWN,
        target("example.com", path()));

    String text = join(screen);
    int hop2 = screen.indexOf(row(screen, 2));
    int hop3 = screen.indexOf(row(screen, 3));
    assertThat(screen.get(hop2 + 1).strip()).isEqualTo("NAT=100.64.9.9");
    assertThat(screen.get(hop3 + 1).strip()).isEqualTo("TOS=0x00>0xb8");
    assertThat(screen.get(hop3 + 2).strip()).isEqualTo("[IF incoming: xe-0/0/1 #7]");
    assertThat(text).containsOnlyOnce("NAT=").containsOnlyOnce("TOS=");
  }

  @Test
  void theHopDetailSaysWhatTheMarkMeans() {
    ViewState detail = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, false, 3, 0,
        false);

    String text = join(render(detail, 120, 40, Fixtures.KNOWN, target("example.com", path())));

    assertThat(text).contains("TOS re-marked before this hop: 0x00 -> 0xb8 (DSCP 46)")
        .contains("[IF incoming: xe-0/0/1 #7]").doesNotContain("NAT before");
  }

  /** Fixtures.path() with quotes: hop 1 as sent, hop 2 rewritten, hop 3 on re-marked too. */
  private static LiveSnapshot path() {
    LiveSnapshot plain = Fixtures.path();
    QuotedIpHeader sent = new QuotedIpHeader(1, 0, 1);
    QuotedIpHeader nat = new QuotedIpHeader(1, 0, 1, Optional.of(Fixtures.ip("100.64.9.9")), true);
    QuotedIpHeader marked =
        new QuotedIpHeader(1, 0xb8, 1, Optional.of(Fixtures.ip("100.64.9.9")), true);
    List<HopSnapshot> hops = new ArrayList<>();
    for (HopSnapshot h : plain.hops()) {
      QuotedIpHeader q = h.ttl() == 1 ? sent : h.ttl() == 2 ? nat : marked;
      List<ResponderShare> responders = h.ttl() != 3 ? h.responders() : h.responders().stream()
          .map(r -> new ResponderShare(r.address(), r.replies(),
              new IcmpExtensions(List.of(), List.of(XE), List.of()))).toList();
      hops.add(new HopSnapshot(h.ttl(), h.sent(), h.received(), h.rtt(), h.jitter(),
          h.forwardLoss(), h.backwardLoss(), responders, h.samples(), h.annotation(),
          h.destination(), h.silent() ? HopEvidence.none(h.ttl())
              : new HopEvidence(h.ttl(), Optional.of(q), h.ttl())));
    }
    return new LiveSnapshot(plain.request(), plain.session(), plain.rounds(), hops,
        plain.destinationTtl(), plain.drops(), plain.problem(), false, false,
        plain.elapsedNanos(), plain.findings());
  }
}
