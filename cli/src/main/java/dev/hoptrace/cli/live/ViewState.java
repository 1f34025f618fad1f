package dev.hoptrace.cli.live;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;

/**
 * What the user chose to look at, as an immutable value: each key yields a new state, and the
 * screen is a function of this state and the targets' snapshots.
 *
 * @param target index of the selected target
 * @param view what the body shows
 * @param columns the numeric column set
 * @param dns names (when known) instead of addresses
 * @param asn the AS column (when AS numbers are looked up at all)
 * @param selectedTtl the selected hop's TTL, 0 for none (the views then use the last hop)
 * @param expandedTtl the hop whose every responder and label the table shows even when the screen
 *     is too short to show them for all hops, 0 for none
 * @param help whether the help overlay is up
 */
record ViewState(int target, ViewKind view, ColumnSet columns, boolean dns, boolean asn,
    int selectedTtl, int expandedTtl, boolean help) {

  static ViewState initial(boolean dns, boolean asn) {
    return new ViewState(0, ViewKind.TABLE, ColumnSet.DEFAULT, dns, asn, 0, 0, false);
  }

  /**
   * The state after {@code action}, for the actions that only change what is shown (pausing,
   * resetting and quitting act on the targets; they leave the state as it is).
   *
   * @param targets how many targets there are
   * @param hops the selected target's hops, for moving the selection
   */
  ViewState apply(Action action, int targets, List<HopSnapshot> hops) {
    if (help) {
      // mtr's help: any key goes back.
      return withHelp(false);
    }
    return switch (action) {
      case NEXT_TARGET -> withTarget(Math.floorMod(target + 1, Math.max(1, targets)));
      case PREVIOUS_TARGET -> withTarget(Math.floorMod(target - 1, Math.max(1, targets)));
      case JITTER_COLUMNS -> new ViewState(target, view, columns.toggle(), dns, asn, selectedTtl,
          expandedTtl, false);
      case DNS -> new ViewState(target, view, columns, !dns, asn, selectedTtl, expandedTtl, false);
      case AS_COLUMN -> new ViewState(target, view, columns, dns, !asn, selectedTtl, expandedTtl,
          false);
      case NEXT_VIEW -> new ViewState(target, view.next(), columns, dns, asn, selectedTtl,
          expandedTtl, false);
      case UP -> select(hops, -1);
      case DOWN -> select(hops, +1);
      case EXPAND -> selectedTtl == 0 ? this : new ViewState(target, view, columns, dns, asn,
          selectedTtl, expandedTtl == selectedTtl ? 0 : selectedTtl, false);
      case HELP -> withHelp(true);
      case BACK -> new ViewState(target, ViewKind.TABLE, columns, dns, asn, selectedTtl,
          expandedTtl, false);
      case QUIT, PAUSE, PAUSE_ALL, RESET, RESET_ALL, NONE -> this;
    };
  }

  /** Another target: its hops are other hops, so the selection starts afresh. */
  private ViewState withTarget(int index) {
    return new ViewState(index, view, columns, dns, asn, 0, 0, false);
  }

  private ViewState withHelp(boolean shown) {
    return new ViewState(target, view, columns, dns, asn, selectedTtl, expandedTtl, shown);
  }

  /**
   * Moves the selection by one hop. With nothing selected, Up starts at the last hop (the
   * destination, which the views show by default) and Down at the first.
   */
  private ViewState select(List<HopSnapshot> hops, int step) {
    if (hops.isEmpty()) {
      return this;
    }
    int index = indexOf(hops, selectedTtl);
    int next;
    if (index < 0) {
      next = step < 0 ? hops.size() - 1 : 0;
    } else {
      next = Math.clamp(index + step, 0, hops.size() - 1);
    }
    return new ViewState(target, view, columns, dns, asn, hops.get(next).ttl(), expandedTtl,
        false);
  }

  /** The hop the chart and detail views show: the selected one, else the last one; -1 if none. */
  int focusIndex(List<HopSnapshot> hops) {
    int index = indexOf(hops, selectedTtl);
    return index >= 0 ? index : hops.size() - 1;
  }

  static int indexOf(List<HopSnapshot> hops, int ttl) {
    if (ttl == 0) {
      return -1;
    }
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).ttl() == ttl) {
        return i;
      }
    }
    return -1;
  }
}
