package dev.hoptrace.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewStateTest {
  private static final List<HopSnapshot> HOPS = Fixtures.path().hops();
  private static final ViewState START = ViewState.initial(false, false);

  @Test
  void togglesFlipAndComeBack() {
    ViewState s = START.apply(Action.JITTER_COLUMNS, 1, HOPS).apply(Action.DNS, 1, HOPS)
        .apply(Action.AS_COLUMN, 1, HOPS);
    assertThat(s.columns()).isEqualTo(ColumnSet.JITTER);
    assertThat(s.dns()).isTrue();
    assertThat(s.asn()).isTrue();
    s = s.apply(Action.JITTER_COLUMNS, 1, HOPS).apply(Action.DNS, 1, HOPS)
        .apply(Action.AS_COLUMN, 1, HOPS);
    assertThat(s).isEqualTo(START);
  }

  @Test
  void viewsCycle() {
    ViewState s = START.apply(Action.NEXT_VIEW, 1, HOPS);
    assertThat(s.view()).isEqualTo(ViewKind.CHART);
    s = s.apply(Action.NEXT_VIEW, 1, HOPS);
    assertThat(s.view()).isEqualTo(ViewKind.DETAIL);
    assertThat(s.apply(Action.NEXT_VIEW, 1, HOPS).view()).isEqualTo(ViewKind.TABLE);
    assertThat(s.apply(Action.BACK, 1, HOPS).view()).isEqualTo(ViewKind.TABLE);
  }

  @Test
  void selectionStartsAtEitherEndAndStopsThere() {
    assertThat(START.apply(Action.UP, 1, HOPS).selectedTtl()).isEqualTo(7);
    assertThat(START.apply(Action.DOWN, 1, HOPS).selectedTtl()).isEqualTo(1);
    ViewState top = START.apply(Action.DOWN, 1, HOPS).apply(Action.UP, 1, HOPS);
    assertThat(top.selectedTtl()).isEqualTo(1);
    assertThat(START.apply(Action.UP, 1, List.of()).selectedTtl()).isZero();
  }

  @Test
  void enterExpandsAndCollapsesTheSelectedHop() {
    ViewState selected = START.apply(Action.UP, 1, HOPS).apply(Action.UP, 1, HOPS);
    ViewState expanded = selected.apply(Action.EXPAND, 1, HOPS);
    assertThat(expanded.expandedTtl()).isEqualTo(6);
    assertThat(expanded.apply(Action.EXPAND, 1, HOPS).expandedTtl()).isZero();
    assertThat(START.apply(Action.EXPAND, 1, HOPS)).isEqualTo(START);
  }

  @Test
  void targetsWrapAroundAndForgetTheSelection() {
    ViewState s = START.apply(Action.UP, 3, HOPS).apply(Action.PREVIOUS_TARGET, 3, HOPS);
    assertThat(s.target()).isEqualTo(2);
    assertThat(s.selectedTtl()).isZero();
    assertThat(s.apply(Action.NEXT_TARGET, 3, HOPS).target()).isZero();
    assertThat(START.apply(Action.NEXT_TARGET, 1, HOPS).target()).isZero();
  }

  @Test
  void anyKeyClosesHelpAndDoesNothingElse() {
    ViewState help = START.apply(Action.HELP, 1, HOPS);
    assertThat(help.help()).isTrue();
    ViewState after = help.apply(Action.JITTER_COLUMNS, 1, HOPS);
    assertThat(after.help()).isFalse();
    assertThat(after.columns()).isEqualTo(ColumnSet.DEFAULT);
  }
}
