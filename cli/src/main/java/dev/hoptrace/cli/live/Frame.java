package dev.hoptrace.cli.live;

import java.util.List;
import java.util.Optional;

/**
 * Everything one screen is drawn from.
 *
 * @param state what the user chose to see
 * @param targets every target, in the order of the target list
 * @param columns terminal width
 * @param rows terminal height
 * @param status a message for the status line (a rendering or key error), if any
 */
record Frame(ViewState state, List<TargetFrame> targets, int columns, int rows,
    Optional<String> status) {

  Frame {
    targets = List.copyOf(targets);
  }

  TargetFrame selected() {
    return targets.get(Math.clamp(state.target(), 0, targets.size() - 1));
  }
}
