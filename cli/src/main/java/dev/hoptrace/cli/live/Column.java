package dev.hoptrace.cli.live;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A numeric column of the table, titled as mtr titles it. Every value is formatted to fit its
 * width and right-aligned; a figure that is not defined yet (NaN) shows as "-", never "NaN".
 */
enum Column {
  LOSS("Loss%", 6, Kind.PERCENT, HopSnapshot::lossPercent),
  SENT("Snt", 5, Kind.COUNT, h -> h.sent()),
  RECEIVED("Rcv", 5, Kind.COUNT, h -> h.received()),
  LAST("Last", 6, Kind.MILLIS, h -> h.rtt().last()),
  AVG("Avg", 6, Kind.MILLIS, h -> h.rtt().avg()),
  BEST("Best", 6, Kind.MILLIS, h -> h.rtt().best()),
  WORST("Wrst", 6, Kind.MILLIS, h -> h.rtt().worst()),
  STDEV("StDev", 6, Kind.MILLIS, h -> h.rtt().stdev()),
  JITTER("Jttr", 6, Kind.MILLIS, h -> h.jitter().jitter()),
  JAVG("Javg", 6, Kind.MILLIS, h -> h.jitter().javg()),
  JMAX("Jmax", 6, Kind.MILLIS, h -> h.jitter().jmax()),
  JINT("Jint", 6, Kind.MILLIS, h -> h.jitter().jint()),
  FORWARD_LOSS("Floss", 5, Kind.COUNT, h -> h.forwardLoss()),
  BACKWARD_LOSS("Bloss", 5, Kind.COUNT, h -> h.backwardLoss());

  /** Shown where a figure is not defined yet. */
  static final String UNDEFINED = "-";

  private enum Kind { PERCENT, COUNT, MILLIS }

  private final String title;
  private final int width;
  private final Kind kind;
  private final ToDoubleFunction<HopSnapshot> value;

  Column(String title, int width, Kind kind, ToDoubleFunction<HopSnapshot> value) {
    this.title = title;
    this.width = width;
    this.kind = kind;
    this.value = value;
  }

  String title() {
    return title;
  }

  int width() {
    return width;
  }

  /**
   * The cell text, at most {@link #width()} columns. A hop nobody has answered (or not probed yet)
   * has no RTT or jitter to show: those cells stay blank rather than a row of dashes.
   */
  String text(HopSnapshot hop) {
    if (hop.sent() == 0 && kind != Kind.COUNT) {
      return "";
    }
    if (hop.received() == 0 && kind == Kind.MILLIS) {
      return "";
    }
    return format(value.applyAsDouble(hop), kind, width);
  }

  /** Milliseconds as the table shows them, for the other views. */
  static String millis(double ms) {
    return format(ms, Kind.MILLIS, 8);
  }

  static String percent(double p) {
    return format(p, Kind.PERCENT, 6);
  }

  static String count(long n) {
    return format(n, Kind.COUNT, 8);
  }

  private static String format(double v, Kind kind, int width) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return UNDEFINED;
    }
    String text = switch (kind) {
      case PERCENT -> String.format(Locale.ROOT, "%.1f%%", v);
      case COUNT -> String.format(Locale.ROOT, "%d", (long) v);
      case MILLIS -> String.format(Locale.ROOT, "%.1f", v);
    };
    if (text.length() <= width) {
      return text;
    }
    // Too wide for the cell: drop the decimal, then scale counts (a week at 1 probe/s is 604800).
    if (kind == Kind.MILLIS || kind == Kind.PERCENT) {
      text = String.format(Locale.ROOT, "%.0f", v) + (kind == Kind.PERCENT ? "%" : "");
    } else if (v < 1e6) {
      text = String.format(Locale.ROOT, "%.0fk", v / 1e3);
    } else {
      text = String.format(Locale.ROOT, "%.0fM", v / 1e6);
    }
    return text.length() <= width ? text : "#".repeat(width);
  }
}
