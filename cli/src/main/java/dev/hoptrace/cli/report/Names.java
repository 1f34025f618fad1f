package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Responder names for one report. Every lookup is started before the first is waited for, so a
 * report waits about one lookup timeout in total, not one per address.
 */
final class Names {
  private final Optional<HopNames> names;

  Names(Optional<HopNames> names, Report report) {
    this.names = names;
    names.ifPresent(n -> {
      for (LiveSnapshot target : report.targets()) {
        for (HopSnapshot hop : target.hops()) {
          hop.responders().forEach(r -> n.prefetch(r.address()));
        }
      }
    });
  }

  /** The name as the resolver gave it (for JSON, which escapes). */
  Optional<String> name(InetAddress address) {
    return names.flatMap(n -> n.name(address));
  }

  /** {@code name (address)} or the address alone, printable. */
  String label(InetAddress address) {
    String numeric = AddressText.of(address);
    return name(address).map(n -> Printable.clean(n) + " (" + numeric + ")").orElse(numeric);
  }

  String label(ResponderShare responder) {
    return label(responder.address());
  }
}
