package dev.hoptrace.cli.live;

import java.util.Objects;

/**
 * How {@link LiveView} behaves.
 *
 * @param names reverse names the view may show (asked without blocking)
 * @param dns whether names are shown at start ({@code d} toggles)
 * @param origins AS numbers and places the view may show (asked without blocking); with AS
 *     numbers the AS column is shown at start ({@code z} toggles)
 * @param returnWhenFinished return as soon as every target has finished or failed, instead of
 *     showing the final state until the user quits
 * @param ascii draw with ASCII only, even on a UTF-8 terminal
 */
public record LiveViewSettings(KnownNames names, boolean dns, KnownOrigins origins,
    boolean returnWhenFinished, boolean ascii) {

  /** Addresses only, until the user quits, block characters on a UTF-8 terminal. */
  public static final LiveViewSettings DEFAULT = new LiveViewSettings(KnownNames.NONE, false,
      KnownOrigins.NONE, false, false);

  public LiveViewSettings {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(origins, "origins");
  }

  /** Shows names from {@code names}, DNS on at start. */
  public LiveViewSettings withNames(KnownNames names) {
    return new LiveViewSettings(names, true, origins, returnWhenFinished, ascii);
  }

  /** Shows AS numbers and places from {@code origins}. */
  public LiveViewSettings withOrigins(KnownOrigins origins) {
    return new LiveViewSettings(names, dns, origins, returnWhenFinished, ascii);
  }

  public LiveViewSettings withReturnWhenFinished(boolean value) {
    return new LiveViewSettings(names, dns, origins, value, ascii);
  }

  public LiveViewSettings withAscii(boolean value) {
    return new LiveViewSettings(names, dns, origins, returnWhenFinished, value);
  }
}
