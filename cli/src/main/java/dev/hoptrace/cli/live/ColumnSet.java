package dev.hoptrace.cli.live;

import java.util.List;

/**
 * The two sets of numeric columns {@code j} toggles between, like mtr's {@code LS NABWV} and
 * {@code DR AGJMXI}. Each lists its columns in screen order and, separately, the ones a narrow
 * terminal may drop first.
 */
enum ColumnSet {
  DEFAULT(
      List.of(Column.LOSS, Column.SENT, Column.RECEIVED, Column.LAST, Column.AVG, Column.BEST,
          Column.WORST, Column.STDEV),
      List.of(Column.RECEIVED),
      List.of(Column.STDEV, Column.BEST, Column.WORST, Column.LAST)),
  JITTER(
      List.of(Column.LOSS, Column.SENT, Column.RECEIVED, Column.JITTER, Column.JAVG, Column.JMAX,
          Column.JINT, Column.FORWARD_LOSS, Column.BACKWARD_LOSS),
      List.of(Column.RECEIVED),
      List.of(Column.JMAX, Column.JITTER, Column.BACKWARD_LOSS, Column.FORWARD_LOSS));

  private final List<Column> columns;
  private final List<Column> extras;
  private final List<Column> dropOrder;

  ColumnSet(List<Column> columns, List<Column> extras, List<Column> dropOrder) {
    this.columns = columns;
    this.extras = extras;
    this.dropOrder = dropOrder;
  }

  /** Every column of the set in screen order. */
  List<Column> columns() {
    return columns;
  }

  /** Columns shown only when the terminal has room to spare (after the sparkline). */
  List<Column> extras() {
    return extras;
  }

  /** Columns given up, in this order, when even a short host name would not fit. */
  List<Column> dropOrder() {
    return dropOrder;
  }

  ColumnSet toggle() {
    return this == DEFAULT ? JITTER : DEFAULT;
  }
}
