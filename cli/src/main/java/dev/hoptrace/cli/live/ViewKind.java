package dev.hoptrace.cli.live;

/** What the body of the screen shows; {@code v} cycles through them in this order. */
enum ViewKind {
  /** mtr's table: one row per hop, diagnosis below. */
  TABLE("table"),
  /** The selected hop's recent RTTs as a chart, and every hop's as a strip. */
  CHART("chart"),
  /** Everything about the selected hop: each responder, its share, MPLS labels, all figures. */
  DETAIL("hop detail");

  private final String title;

  ViewKind(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }

  ViewKind next() {
    ViewKind[] all = values();
    return all[(ordinal() + 1) % all.length];
  }
}
