package dev.hoptrace.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void classicWidthKeepsEveryDefaultColumnAndRoomForNames() {
    Columns c = Columns.fit(ColumnSet.DEFAULT, 80, 40, 100, 0);
    assertThat(c.numbers()).containsExactly(Column.LOSS, Column.SENT, Column.LAST, Column.AVG,
        Column.BEST, Column.WORST, Column.STDEV);
    assertThat(c.sparkline()).isZero();
    assertThat(c.host()).isEqualTo(28);
    assertThat(c.width()).isEqualTo(80);
  }

  @Test
  void shortAddressesLeaveRoomForASparklineAtClassicWidth() {
    Columns c = Columns.fit(ColumnSet.DEFAULT, 80, 13, 100, 0);
    assertThat(c.sparkline()).isGreaterThanOrEqualTo(Columns.SPARKLINE_MIN);
    assertThat(c.width()).isLessThanOrEqualTo(80);
  }

  @Test
  void wideTerminalAddsEverythingAndGivesNamesTheirWidth() {
    Columns c = Columns.fit(ColumnSet.DEFAULT, 200, 45, 100, 0);
    assertThat(c.numbers()).contains(Column.RECEIVED);
    assertThat(c.host()).isEqualTo(45);
    assertThat(c.sparkline()).isEqualTo(Columns.SPARKLINE_MAX);
    assertThat(c.lossStrip()).isEqualTo(Columns.STRIP_MAX);
    assertThat(c.width()).isLessThanOrEqualTo(200);
  }

  @Test
  void sparklineIsNoWiderThanTheSamples() {
    assertThat(Columns.fit(ColumnSet.DEFAULT, 200, 20, 15, 0).sparkline()).isEqualTo(15);
  }

  @Test
  void narrowTerminalDropsColumnsToKeepTheHostReadable() {
    Columns c = Columns.fit(ColumnSet.DEFAULT, 50, 30, 100, 0);
    assertThat(c.host()).isGreaterThanOrEqualTo(Columns.HOST_MIN);
    assertThat(c.numbers()).contains(Column.LOSS, Column.SENT, Column.AVG)
        .doesNotContain(Column.STDEV);
    assertThat(c.width()).isLessThanOrEqualTo(50);
  }

  @Test
  void jitterSetFitsClassicWidth() {
    Columns c = Columns.fit(ColumnSet.JITTER, 80, 40, 100, 0);
    assertThat(c.numbers()).containsExactly(Column.LOSS, Column.SENT, Column.JITTER, Column.JAVG,
        Column.JMAX, Column.JINT, Column.FORWARD_LOSS, Column.BACKWARD_LOSS);
    assertThat(c.width()).isEqualTo(80);
  }

  @Test
  void valuesAreFormattedToFitTheirCells() {
    assertThat(Column.percent(100)).isEqualTo("100.0%");
    assertThat(Column.millis(Double.NaN)).isEqualTo("-");
    assertThat(Column.millis(12.345)).isEqualTo("12.3");
    // A week at one probe a second, and a 60 s RTT, still fit.
    var hop = Fixtures.stats(1, 604_800, 604_800, java.util.List.of(59_999.9), java.util.List.of(),
        "", false);
    assertThat(Column.SENT.text(hop)).isEqualTo("605k");
    assertThat(Column.LAST.text(hop)).isEqualTo("60000");
  }

  @Test
  void theAsColumnFitsClassicWidthAndGoesWhereEvenTheFewestNumbersLeaveNoRoom() {
    Columns classic = Columns.fit(ColumnSet.DEFAULT, 80, 40, 100, 7);
    assertThat(classic.as()).isEqualTo(7);
    assertThat(classic.numbers()).hasSize(7);
    assertThat(classic.hostStart()).isEqualTo(Columns.TTL + 8);
    assertThat(classic.host()).isEqualTo(20);
    assertThat(classic.width()).isEqualTo(80);

    Columns narrow = Columns.fit(ColumnSet.DEFAULT, 50, 30, 100, 7);
    assertThat(narrow.as()).isEqualTo(7);
    assertThat(narrow.host()).isGreaterThanOrEqualTo(Columns.HOST_MIN);
    assertThat(narrow.width()).isLessThanOrEqualTo(50);

    Columns tiny = Columns.fit(ColumnSet.DEFAULT, 40, 30, 100, 7);
    assertThat(tiny.as()).isZero();
    assertThat(tiny.hostStart()).isEqualTo(Columns.TTL);
  }
}
