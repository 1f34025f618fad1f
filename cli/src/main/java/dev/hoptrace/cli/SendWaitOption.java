package dev.hoptrace.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** traceroute's {@code -z}: values above 10 are milliseconds, others seconds (fractions allowed). */
final class SendWaitOption implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number");
    }
    if (!(d >= 0) || Double.isInfinite(d) || d > 10_000) {
      throw new TypeConversionException("send wait must be 0..10 s (or 11..10000 ms), got " + value);
    }
    return d > 10 ? Duration.ofNanos((long) (d * 1e6)) : Duration.ofNanos((long) (d * 1e9));
  }
}
