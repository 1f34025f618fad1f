package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.InterfaceText;
import dev.hoptrace.cli.render.MplsText;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The words the views use for a hop's responders and their extensions. */
final class HopText {
  /** What a hop that nobody answered shows instead of an address, as mtr does. */
  static final String SILENT = "???";

  private final KnownNames names;
  private final KnownOrigins origins;
  private final boolean dns;

  HopText(KnownNames names, KnownOrigins origins, boolean dns) {
    this.names = names;
    this.origins = origins;
    this.dns = dns;
  }

  /** The name when DNS is on and the name is known, else the address. */
  String host(InetAddress address) {
    String numeric = AddressText.of(address);
    return dns ? names.known(address).map(Text::clean).orElse(numeric) : numeric;
  }

  /** Both, for the detail view: "name (address)" or the address alone. */
  String hostAndAddress(InetAddress address) {
    String numeric = AddressText.of(address);
    return names.known(address).map(n -> Text.clean(n) + " (" + numeric + ")").orElse(numeric);
  }

  /** The hop row's host: its first responder, or ??? when nobody answered. */
  String firstHost(HopSnapshot hop) {
    return hop.responders().isEmpty() ? SILENT : host(hop.responders().getFirst().address());
  }

  /** Whether AS numbers are looked up at all ({@code -A}). */
  boolean asns() {
    return origins.asns().isPresent();
  }

  /** "AS64500", or "" while no AS is known: a lookup still running shows nothing yet. */
  String as(InetAddress address) {
    return origins.as(address).map(AsInfo::label).orElse("");
  }

  /** The AS of the hop row's first responder; "" when none is known or nobody answered. */
  String firstAs(HopSnapshot hop) {
    return hop.responders().isEmpty() ? "" : as(hop.responders().getFirst().address());
  }

  /**
   * What is known of where {@code address} sits, for the detail view: "AS64500 EXAMPLE-NET
   * Example  192.0.2.0/24  Berlin, DE", each part only when known; empty when nothing is.
   */
  Optional<String> origin(InetAddress address) {
    List<String> parts = new ArrayList<>();
    origins.as(address).ifPresent(as -> {
      parts.add(as.name().isEmpty() ? as.label() : as.label() + " " + as.name());
      if (!as.prefix().isEmpty()) {
        parts.add(as.prefix());
      }
    });
    origins.place(address).filter(p -> !p.isEmpty()).map(Place::label).ifPresent(parts::add);
    return parts.isEmpty() ? Optional.empty() : Optional.of(Text.clean(String.join("  ", parts)));
  }

  /** A responder's share of its hop's replies, "62%". */
  static String share(ResponderShare responder, HopSnapshot hop) {
    if (hop.received() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * responder.replies() / hop.received());
  }

  static List<String> mpls(ResponderShare responder) {
    List<String> lines = new ArrayList<>();
    for (MplsLabelStackEntry entry : responder.extensions().mplsLabels()) {
      lines.add(MplsText.mtr(entry));
    }
    return lines;
  }

  /** RFC 5837 interface information, "[IF incoming: ge-0/0/1 #3 10.0.0.1 MTU 1500]". */
  static String interfaceInfo(InterfaceInformation info) {
    return InterfaceText.bracket(info);
  }
}
