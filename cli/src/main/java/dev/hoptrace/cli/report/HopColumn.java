package dev.hoptrace.cli.report;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The per-hop figures every format prints, named once: mtr's column title (text header, CSV
 * header) and the JSON member name. Undefined figures are NaN here and blank / null on output.
 * Declaration order is the JSON and CSV order; the text picks mtr's order below.
 */
enum HopColumn {
  SENT("Snt", "sent", Unit.COUNT, HopSnapshot::sent),
  RECEIVED("Rcv", "received", Unit.COUNT, HopSnapshot::received),
  LOSS("Loss%", "lossPercent", Unit.PERCENT, h -> h.sent() == 0 ? Double.NaN : h.lossPercent()),
  LAST("Last", "lastMs", Unit.MILLIS, h -> h.rtt().last()),
  AVG("Avg", "avgMs", Unit.MILLIS, h -> h.rtt().avg()),
  BEST("Best", "bestMs", Unit.MILLIS, h -> h.rtt().best()),
  WORST("Wrst", "worstMs", Unit.MILLIS, h -> h.rtt().worst()),
  STDEV("StDev", "stdevMs", Unit.MILLIS, h -> h.rtt().stdev()),
  JITTER("Jttr", "jitterMs", Unit.MILLIS, h -> h.jitter().jitter()),
  JAVG("Javg", "javgMs", Unit.MILLIS, h -> h.jitter().javg()),
  JMAX("Jmax", "jmaxMs", Unit.MILLIS, h -> h.jitter().jmax()),
  JINT("Jint", "jintMs", Unit.MILLIS, h -> h.jitter().jint()),
  FORWARD_LOSS("Floss", "forwardLoss", Unit.COUNT, HopSnapshot::forwardLoss),
  BACKWARD_LOSS("Bloss", "backwardLoss", Unit.COUNT, HopSnapshot::backwardLoss);

  enum Unit { PERCENT, COUNT, MILLIS }

  /** mtr's default report columns ({@code LS NABWV}). */
  static final List<HopColumn> MTR = List.of(LOSS, SENT, LAST, AVG, BEST, WORST, STDEV);
  /** The wide text report adds the jitter and forward/backward loss columns. */
  static final List<HopColumn> WIDE =
      List.of(LOSS, SENT, LAST, AVG, BEST, WORST, STDEV, JITTER, JAVG, JMAX, JINT, FORWARD_LOSS,
          BACKWARD_LOSS);

  final String title;
  final String jsonName;
  final Unit unit;
  private final ToDoubleFunction<HopSnapshot> value;

  HopColumn(String title, String jsonName, Unit unit, ToDoubleFunction<HopSnapshot> value) {
    this.title = title;
    this.jsonName = jsonName;
    this.unit = unit;
    this.value = value;
  }

  /** The figure, NaN when undefined. Counts are exact in a double up to 2^53. */
  double of(HopSnapshot hop) {
    return value.applyAsDouble(hop);
  }

  /**
   * The figure as text with {@code decimals} places for milliseconds and one for loss; "" when
   * undefined (never "NaN").
   */
  String format(HopSnapshot hop, int decimals) {
    double v = of(hop);
    if (!Double.isFinite(v)) {
      return "";
    }
    return switch (unit) {
      case COUNT -> Long.toString((long) v);
      case PERCENT -> String.format(Locale.ROOT, "%.1f", v);
      case MILLIS -> String.format(Locale.ROOT, "%." + decimals + "f", v);
    };
  }
}
