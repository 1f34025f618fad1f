package dev.hoptrace.cli;

import dev.hoptrace.core.WaitPolicy;
import java.time.Duration;

/**
 * Parses traceroute's {@code -w MAX[,HERE,NEAR]}. A bare {@code MAX} is the classic fixed wait
 * (HERE and NEAR 0), as in Linux traceroute.
 */
final class WaitOption {

  /** The value of the option; throws {@link BadValue} naming what is wrong. */
  WaitPolicy convert(String value) {
    String[] parts = value.split(",", -1);
    if (parts.length != 1 && parts.length != 3) {
      throw new BadValue("expected MAX or MAX,HERE,NEAR (seconds, factors), got '" + value + "'");
    }
    double max = number(parts[0], value);
    double here = parts.length == 3 ? number(parts[1], value) : 0;
    double near = parts.length == 3 ? number(parts[2], value) : 0;
    try {
      return new WaitPolicy(Duration.ofNanos((long) (max * 1e9)), here, near,
          WaitPolicy.DEFAULT.tailFloor());
    } catch (IllegalArgumentException e) {
      throw new BadValue("'" + value + "' is out of range: " + e.getMessage());
    }
  }

  private static double number(String part, String whole) {
    try {
      double d = Double.parseDouble(part.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new BadValue("'" + part + "' in '" + whole + "' is not a number");
  }
}
