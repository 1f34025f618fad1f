package dev.hoptrace.cli.live;

import dev.hoptrace.cli.render.HopLookup;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One kind of fact about addresses the view may show, asked once per frame per address: an
 * implementation must answer at once (a lookup still running is "not known yet"), as {@link
 * HopLookup#known} does.
 *
 * @param <V> what is known
 */
@FunctionalInterface
public interface Known<V> {

  Optional<V> known(InetAddress address);

  /** Knows nothing. */
  static <V> Known<V> none() {
    return address -> Optional.empty();
  }

  static <V> Known<V> of(HopLookup<V> lookup) {
    return lookup::known;
  }
}
