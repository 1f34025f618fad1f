package dev.hoptrace.core.anatomy;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.net.QuotedIpHeader;
import java.util.Objects;
import java.util.Optional;

/**
 * What the replies of one hop showed of the way there and back, as far as path anatomy needs it:
 * the newest quote of the probe (raw mode) and the newest estimate of the return hops.
 *
 * @param ttl the hop's TTL
 * @param quote the probe's IP header as the newest reply with a quote showed it
 * @param returnHops the newest reply's estimated return hops ({@link ProbeResult#returnHops()}),
 *     or -1 without a reply TTL
 */
public record HopEvidence(int ttl, Optional<QuotedIpHeader> quote, int returnHops) {

  public HopEvidence {
    Objects.requireNonNull(quote, "quote");
  }

  /** A hop that has shown nothing yet. */
  public static HopEvidence none(int ttl) {
    return new HopEvidence(ttl, Optional.empty(), -1);
  }

  /** What a finished hop of a one-shot trace showed. */
  public static HopEvidence of(Hop hop) {
    HopEvidence evidence = none(hop.ttl());
    for (ProbeResult probe : hop.probes()) {
      if (probe.answered()) {
        evidence = evidence.with(probe.quotedIp(), probe.returnHops());
      }
    }
    return evidence;
  }

  /** Another reply arrived: its quote and return estimate replace older ones it has. */
  public HopEvidence with(Optional<QuotedIpHeader> newQuote, int newReturnHops) {
    return new HopEvidence(ttl, newQuote.isPresent() ? newQuote : quote,
        newReturnHops > 0 ? newReturnHops : returnHops);
  }
}
