package dev.hoptrace.cli.live;

/** What a key asks the view to do; {@link KeyBindings} maps keys to these. */
enum Action {
  QUIT,
  PAUSE,
  PAUSE_ALL,
  RESET,
  RESET_ALL,
  NEXT_TARGET,
  PREVIOUS_TARGET,
  JITTER_COLUMNS,
  DNS,
  /** {@code z}, as in mtr: the AS column on or off. */
  AS_COLUMN,
  NEXT_VIEW,
  UP,
  DOWN,
  EXPAND,
  HELP,
  /** Escape: leave help, go back to the table. */
  BACK,
  /** A key with no meaning here; it still closes the help screen. */
  NONE
}
