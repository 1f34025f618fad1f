package dev.hoptrace.cli.live;

import java.util.ArrayList;
import java.util.List;

/**
 * How the table's row is split across the terminal's width: the TTL, the AS when asked for, the
 * host, the numeric columns, then the sparkline and the loss strip when there is room. Every part
 * has a fixed width so the numbers line up under their titles.
 *
 * @param numbers the numeric columns shown, in screen order
 * @param as the AS column's width (a space follows it), 0 when not shown
 * @param host the host column's width
 * @param sparkline the sparkline's width, 0 when dropped
 * @param lossStrip the loss strip's width, 0 when dropped
 */
record Columns(List<Column> numbers, int as, int host, int sparkline, int lossStrip) {
  /** "255 " : the TTL right-aligned, then a space. */
  static final int TTL = 4;
  /** Below this the host column is unreadable; numeric columns are dropped to keep it. */
  static final int HOST_MIN = 12;
  /** The host width extras (sparkline, Rcv, loss strip) must leave when names are this long. */
  static final int HOST_COMFORT = 28;
  static final int HOST_MAX = 60;
  static final int SPARKLINE_MIN = 10;
  static final int SPARKLINE_MAX = 60;
  static final int STRIP_MIN = 8;
  static final int STRIP_MAX = 20;

  Columns {
    numbers = List.copyOf(numbers);
  }

  /**
   * Fits {@code set} into {@code width} columns.
   *
   * @param hostWanted the widest host text of the hops on screen
   * @param samples the most samples any hop has (a sparkline wider than that is wasted)
   * @param asWanted the widest AS label of the hops on screen, 0 for no AS column
   */
  static Columns fit(ColumnSet set, int width, int hostWanted, int samples, int asWanted) {
    List<Column> numbers = new ArrayList<>(set.columns());
    numbers.removeAll(set.extras());
    // The user asked for the AS, so numeric columns that may go make room for it; but where even
    // without them the host would be unreadable, the AS column goes instead.
    List<Column> fewest = new ArrayList<>(numbers);
    fewest.removeAll(set.dropOrder());
    boolean asFits = width - TTL - (asWanted + 1) - used(fewest) >= HOST_MIN;
    int as = asWanted > 0 && asFits ? asWanted : 0;
    int asCell = as > 0 ? as + 1 : 0;
    for (Column drop : set.dropOrder()) {
      if (width - TTL - asCell - used(numbers) >= HOST_MIN) {
        break;
      }
      numbers.remove(drop);
    }
    int free = width - TTL - asCell - used(numbers);
    // Extras must leave the host column what it needs, up to a comfortable width.
    int keepForHost = Math.max(HOST_MIN, Math.min(hostWanted, HOST_COMFORT));
    int sparkline = 0;
    int maxSparkline = Math.min(SPARKLINE_MAX, Math.max(SPARKLINE_MIN, samples));
    if (free - (1 + SPARKLINE_MIN) >= keepForHost) {
      sparkline = SPARKLINE_MIN;
      free -= 1 + SPARKLINE_MIN;
    }
    for (Column extra : set.extras()) {
      if (free - (1 + extra.width()) >= keepForHost) {
        numbers.add(extra);
        free -= 1 + extra.width();
      }
    }
    numbers.sort(null);  // back into the set's screen order (enum order is screen order)
    int lossStrip = 0;
    if (sparkline > 0 && free - (1 + STRIP_MIN) >= keepForHost) {
      lossStrip = STRIP_MIN;
      free -= 1 + STRIP_MIN;
    }
    // What is left goes to the host up to its widest name, then to the charts.
    int host = Math.min(Math.max(free, 1), Math.max(keepForHost, Math.min(hostWanted, HOST_MAX)));
    free -= host;
    if (sparkline > 0) {
      int grow = Math.clamp(free, 0, maxSparkline - sparkline);
      sparkline += grow;
      free -= grow;
    }
    if (lossStrip > 0) {
      lossStrip += Math.clamp(free, 0, STRIP_MAX - lossStrip);
    }
    return new Columns(numbers, as, host, sparkline, lossStrip);
  }

  private static int used(List<Column> numbers) {
    int used = 0;
    for (Column c : numbers) {
      used += 1 + c.width();
    }
    return used;
  }

  /** Where the host column starts. */
  int hostStart() {
    return TTL + (as > 0 ? as + 1 : 0);
  }

  /** The whole row's width. */
  int width() {
    return hostStart() + host + used(numbers) + (sparkline > 0 ? 1 + sparkline : 0)
        + (lossStrip > 0 ? 1 + lossStrip : 0);
  }
}
