package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Names, AS numbers and places of one report's responders. Every lookup is started before the
 * first is waited for, so a report waits about one lookup timeout in total, not one per address
 * and kind.
 */
final class ReportFacts {
  /** mtr's word for an AS that is not known. */
  static final String UNKNOWN_AS = "AS???";

  private final HopFacts facts;

  ReportFacts(HopFacts facts, Report report) {
    this.facts = facts;
    for (LiveSnapshot target : report.targets()) {
      for (HopSnapshot hop : target.hops()) {
        hop.responders().forEach(r -> facts.prefetch(r.address()));
      }
    }
  }

  /** Whether AS numbers were asked for ({@code -A}): then every responder has an AS cell. */
  boolean asns() {
    return facts.asns().isPresent();
  }

  /** Whether places were asked for ({@code --geo-db}). */
  boolean places() {
    return facts.places().isPresent();
  }

  /** The name as the resolver gave it (for JSON, which escapes). */
  Optional<String> name(InetAddress address) {
    return facts.name(address);
  }

  Optional<AsInfo> as(InetAddress address) {
    return facts.as(address);
  }

  Optional<Place> place(InetAddress address) {
    return facts.place(address);
  }

  /** {@code AS64500}, or {@code AS???} when none is known in time. */
  String asLabel(InetAddress address) {
    return as(address).map(AsInfo::label).orElse(UNKNOWN_AS);
  }

  /** {@code name (address)} or the address alone, then {@code {City, CC}} if known; printable. */
  String label(InetAddress address) {
    String numeric = AddressText.of(address);
    String label = name(address).map(n -> Printable.clean(n) + " (" + numeric + ")")
        .orElse(numeric);
    return place(address).map(p -> label + " {" + Printable.clean(p.label()) + "}").orElse(label);
  }

  String label(ResponderShare responder) {
    return label(responder.address());
  }
}
