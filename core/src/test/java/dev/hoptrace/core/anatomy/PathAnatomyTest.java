package dev.hoptrace.core.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PathAnatomyTest {
  private static final Optional<QuotedIpHeader> PLAIN = quote(1, 0, Optional.empty(), false);

  @Test
  void aNatIsMarkedAtTheHopAfterItOnly() {
    Optional<QuotedIpHeader> behind = quote(1, 0, Optional.of(ip("198.18.2.1")), true);

    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        hop(1, PLAIN), hop(2, behind), hop(3, behind), hop(4, behind)), 0);

    assertThat(anatomy).extracting(HopAnatomy::nat).containsExactly(Optional.empty(),
        Optional.of(new HopAnatomy.Nat(Optional.of(ip("198.18.2.1")))), Optional.empty(),
        Optional.empty());
  }

  @Test
  void aSecondNatWithAnotherAddressIsMarkedToo() {
    Optional<QuotedIpHeader> home = quote(1, 0, Optional.of(ip("198.18.2.1")), true);
    Optional<QuotedIpHeader> carrier = quote(1, 0, Optional.of(ip("198.18.4.1")), true);

    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        hop(1, PLAIN), hop(2, home), hop(3, home), hop(4, carrier), hop(5, carrier)), 0);

    assertThat(anatomy).extracting(a -> a.nat().isPresent())
        .containsExactly(false, true, false, true, false);
    assertThat(anatomy.get(3).nat().orElseThrow().translatedSource()).contains(ip("198.18.4.1"));
  }

  @Test
  void aChecksumRewriteAloneIsANatWithoutAnAddress() {
    Optional<QuotedIpHeader> rewritten = quote(1, 0, Optional.empty(), true);

    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(hop(1, PLAIN), hop(2, rewritten)), 0);

    assertThat(anatomy.get(1).nat()).contains(new HopAnatomy.Nat(Optional.empty()));
  }

  @Test
  void silentHopsPassTheStateOnToTheNextHopThatQuotes() {
    Optional<QuotedIpHeader> behind = quote(1, 0x28, Optional.of(ip("198.18.2.1")), true);

    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        hop(1, PLAIN), HopEvidence.none(2), hop(3, behind)), 0);

    assertThat(anatomy.get(1).isEmpty()).isTrue();
    assertThat(anatomy.get(2).nat()).isPresent();
    assertThat(anatomy.get(2).tos()).contains(new HopAnatomy.TosChange(0, 0x28));
  }

  @Test
  void tosIsComparedWithTheHopBeforeAndAtFirstWithWhatWasSent() {
    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        hop(1, quote(1, 0x10, Optional.empty(), false)),
        hop(2, quote(1, 0x00, Optional.empty(), false)),
        hop(3, quote(1, 0xb8, Optional.empty(), false)),
        hop(4, quote(1, 0xb8, Optional.empty(), false))), 0x10);

    assertThat(anatomy).extracting(HopAnatomy::tos).containsExactly(Optional.empty(),
        Optional.of(new HopAnatomy.TosChange(0x10, 0)),
        Optional.of(new HopAnatomy.TosChange(0, 0xb8)), Optional.empty());
    assertThat(anatomy.get(2).tos().orElseThrow().dscp()).isEqualTo(46);
  }

  @Test
  void quotedTtlsOtherThanOneAreMarked() {
    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(hop(1, PLAIN),
        hop(2, quote(2, 0, Optional.empty(), false)),
        hop(3, quote(0, 0, Optional.empty(), false))), 0);

    assertThat(anatomy).extracting(HopAnatomy::quotedTtl)
        .containsExactly(OptionalInt.empty(), OptionalInt.of(2), OptionalInt.of(0));
  }

  @Test
  void returnHopsAreMarkedWhenTheyAreNotTheForwardCount() {
    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        new HopEvidence(1, Optional.empty(), 1), new HopEvidence(2, Optional.empty(), 5),
        new HopEvidence(3, Optional.empty(), -1)), 0);

    assertThat(anatomy).extracting(HopAnatomy::returnHops)
        .containsExactly(OptionalInt.empty(), OptionalInt.of(5), OptionalInt.empty());
  }

  @Test
  void aOneShotHopGivesItsNewestQuoteAndReturnEstimate() {
    Hop hop = new Hop(3, List.of(
        answer(3, 0, 62, quote(1, 0, Optional.empty(), false)),
        ProbeResult.timeout(3, 1),
        answer(3, 2, 60, quote(1, 0x28, Optional.empty(), false))));

    HopEvidence evidence = HopEvidence.of(hop);

    assertThat(evidence.quote().orElseThrow().tos()).isEqualTo(0x28);
    assertThat(evidence.returnHops()).isEqualTo(5);
    assertThat(PathAnatomy.ofHops(List.of(hop), 0).getFirst().tos()).isPresent();
  }

  @Test
  void withoutQuotesOnlyTheReturnPathCanShow() {
    List<HopAnatomy> anatomy = PathAnatomy.of(List.of(
        new HopEvidence(1, Optional.empty(), 1), new HopEvidence(2, Optional.empty(), 2)), 0);

    assertThat(anatomy).allMatch(HopAnatomy::isEmpty);
  }

  private static ProbeResult answer(int ttl, int index, int replyTtl,
      Optional<QuotedIpHeader> quote) {
    return new ProbeResult(ttl, index, Optional.of(ip("198.18." + ttl + ".2")), 1_000_000,
        Optional.of(ReplyKind.TIME_EXCEEDED), 11, 0, replyTtl, "", false, IcmpExtensions.NONE,
        quote);
  }

  private static HopEvidence hop(int ttl, Optional<QuotedIpHeader> quote) {
    return new HopEvidence(ttl, quote, ttl);
  }

  private static Optional<QuotedIpHeader> quote(int ttl, int tos, Optional<InetAddress> source,
      boolean checksum) {
    return Optional.of(new QuotedIpHeader(ttl, tos, 7, source, checksum));
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
