package dev.hoptrace.cli;

import java.time.Duration;

/** traceroute's {@code -z}: values above 10 are milliseconds, others seconds (fractions allowed). */
final class SendWaitOption {

  /** The value of the option; throws {@link BadValue} naming what is wrong. */
  Duration convert(String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new BadValue("'" + value + "' is not a number");
    }
    if (!(d >= 0) || Double.isInfinite(d) || d > 10_000) {
      throw new BadValue(
          "'" + value + "' is out of range: send wait must be 0..10 s (or 11..10000 ms)");
    }
    return d > 10 ? Duration.ofNanos((long) (d * 1e6)) : Duration.ofNanos((long) (d * 1e9));
  }
}
