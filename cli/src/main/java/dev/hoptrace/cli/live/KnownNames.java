package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.HopNames;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Reverse names the view may show, asked once per frame per address: an implementation must
 * answer at once (a lookup still running is "no name yet"), as {@link HopNames#known} does.
 */
@FunctionalInterface
public interface KnownNames {

  /** Knows no names: addresses only. */
  KnownNames NONE = address -> Optional.empty();

  Optional<String> known(InetAddress address);

  static KnownNames of(HopNames names) {
    return names::known;
  }
}
