package dev.hoptrace.cli.live;

import static dev.hoptrace.cli.live.ScreenText.join;
import static dev.hoptrace.cli.live.ScreenText.render;
import static dev.hoptrace.cli.live.ScreenText.row;
import static dev.hoptrace.cli.live.ScreenText.target;
import static dev.hoptrace.cli.live.ScreenText.titleRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.RttSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** The screen as a user reads it, from fixture snapshots at 80x24 and 200x50. */
class ScreenTest {
  private static final ViewState TABLE = ViewState.initial(true, false);
  private static final LiveSnapshot PATH = Fixtures.path();

  @Test
  void classicTerminalShowsTheWholePathWithinItsSize() {
    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));

    assertFits(screen, 80, 24);
    assertThat(screen.getFirst()).contains("example.com (93.184.216.34)").contains("round 20")
        .contains("0:20");
    assertThat(screen.get(1)).contains("ICMP").contains("raw").contains("ICMP echo over raw sockets");
    assertThat(titleRow(screen)).contains("Loss%", "Snt", "Last", "Avg", "Best", "Wrst", "StDev");
    for (int ttl = 1; ttl <= 7; ttl++) {
      row(screen, ttl);
    }
    assertThat(row(screen, 7)).contains("example.com").contains("0.0%");
    assertThat(screen.getLast()).startsWith("q quit");
  }

  @Test
  void numbersAreRightAlignedUnderTheirTitles() {
    for (int width : new int[] {80, 200}) {
      for (ColumnSet set : ColumnSet.values()) {
        ViewState state = new ViewState(0, ViewKind.TABLE, set, true, false, 0, 0, false);
        List<String> screen = render(state, width, 24, Fixtures.KNOWN, target("example.com", PATH));
        String title = titleRow(screen);
        for (Column column : set.columns()) {
          int at = title.indexOf(" " + column.title() + " ");
          if (at < 0 && !title.endsWith(" " + column.title())) {
            continue;  // dropped at this width
          }
          int end = (at < 0 ? title.length() - column.title().length() - 1 : at) + 1
              + column.title().length();
          for (int ttl = 1; ttl <= 7; ttl++) {
            String row = row(screen, ttl);
            String cell = row.substring(end - column.width(), end);
            assertThat(cell.isBlank() || cell.charAt(cell.length() - 1) != ' ')
                .as("%s of hop %d at %d columns: [%s] in\n%s", column.title(), ttl, width, cell,
                    join(screen))
                .isTrue();
            assertThat(end == row.length() || row.charAt(end) == ' ').isTrue();
          }
        }
      }
    }
  }

  @Test
  void silentHopShowsQuestionMarksAndFullLossButNoRtt() {
    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));
    String silent = row(screen, 4);

    assertThat(silent).contains("???").contains("100.0%").contains("20");
    assertThat(silent.substring(silent.indexOf("100.0%") + 6).strip()).isEqualTo("20");
  }

  @Test
  void rateLimitedHopShowsItsLossAndTheDiagnosisSaysWhy() {
    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));

    assertThat(row(screen, 3)).contains("100.64.0.1").contains("40.0%");
    assertThat(join(screen)).contains("* hop 3 loses 40% but later hops do not")
        .contains("* hop 4 never answers");
  }

  @Test
  void balancedHopListsBothRespondersWithSharesAndMplsLabels() {
    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));
    String text = join(screen);

    // The name gives way to the share when the column is short.
    assertThat(row(screen, 5)).contains("core1.transit.example").contains("(60%)");
    assertThat(row(render(TABLE, 200, 50, Fixtures.KNOWN, target("example.com", PATH)), 5))
        .contains("core1.transit.example.net (60%)");
    assertThat(text).contains("      203.0.113.6 (40%)")
        .contains("[MPLS: Lbl 100 TC 0 S 0 TTL 1]")
        .contains("[MPLS: Lbl 24001 TC 0 S 1 TTL 1]")
        .contains("[MPLS: Lbl 101 TC 0 S 1 TTL 1]");
    // Labels sit under their own responder.
    int first = indexOf(screen, "[MPLS: Lbl 100 ");
    int second = indexOf(screen, "203.0.113.6 (40%)");
    int third = indexOf(screen, "[MPLS: Lbl 101 ");
    assertThat(first).isLessThan(second);
    assertThat(second).isLessThan(third);
  }

  @Test
  void aShortScreenFoldsExtraLinesExceptForTheExpandedHop() {
    List<String> folded = render(TABLE, 80, 14, Fixtures.KNOWN, target("example.com", PATH));
    assertFits(folded, 80, 14);
    assertThat(row(folded, 5)).contains("(60%) +1");
    assertThat(join(folded)).doesNotContain("[MPLS").contains("* hop 3 loses");
    for (int ttl = 1; ttl <= 7; ttl++) {
      row(folded, ttl);
    }

    ViewState expanded = TABLE;
    for (int i = 0; i < 3; i++) {
      expanded = expanded.apply(Action.UP, 1, PATH.hops());
    }
    expanded = expanded.apply(Action.EXPAND, 1, PATH.hops());
    List<String> open = render(expanded, 80, 14, Fixtures.KNOWN, target("example.com", PATH));
    assertFits(open, 80, 14);
    assertThat(row(open, 5)).doesNotContain("+1");
    assertThat(join(open)).contains("203.0.113.6 (40%)").contains("[MPLS: Lbl 101 TC 0 S 1 TTL 1]")
        .contains("* hop 3 loses");

    // Narrower still: the share gives way, the "+1" that says there is more stays.
    List<String> narrow = render(TABLE, 60, 12, Fixtures.KNOWN, target("example.com", PATH));
    assertFits(narrow, 60, 12);
    assertThat(row(narrow, 5)).contains("core1.").contains(" +1").doesNotContain("60%");
  }

  @Test
  void problemAndFailureAreShownInTheHeader() {
    LiveSnapshot troubled = Fixtures.path(20, Optional.of("sends failing: Network is unreachable"));
    TargetFrame failed = new TargetFrame("example.com", troubled, false, 0,
        Optional.of("socket closed"));

    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, failed);

    assertFits(screen, 80, 24);
    assertThat(join(screen)).contains("! sends failing: Network is unreachable")
        .contains("failed: socket closed").contains("FAILED");
  }

  @Test
  void pausedAndFinishedAreMarked() {
    TargetFrame paused = new TargetFrame("example.com", PATH, true, 0, Optional.empty());
    assertThat(render(TABLE, 80, 24, Fixtures.KNOWN, paused).get(1)).contains("PAUSED");

    LiveSnapshot done = new LiveSnapshot(PATH.request(), PATH.session(), 20, PATH.hops(), 7,
        DropCounts.NONE, Optional.empty(), false, true, PATH.elapsedNanos(), PATH.findings());
    assertThat(render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", done)).get(1))
        .contains("finished");
  }

  @Test
  void wideTerminalAddsReceivedSparklineAndLossHistory() {
    List<String> screen = render(TABLE, 200, 50, Fixtures.KNOWN, target("example.com", PATH));

    assertFits(screen, 200, 50);
    assertThat(titleRow(screen)).contains("Rcv").contains("RTT (newest right)")
        .contains("Loss history");
    assertThat(row(screen, 1)).containsPattern("[▁▂▃▄▅▆▇█]{10,}");
    assertThat(row(screen, 3)).contains("×");   // lost samples are marked, not drawn as 0
    assertThat(row(screen, 4)).contains("××××××").contains("████");
  }

  @Test
  void narrowTerminalDropsTheSparklineBeforeTheNumbers() {
    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));

    assertThat(titleRow(screen)).doesNotContain("RTT (newest right)");
    assertThat(join(screen)).doesNotContainPattern("[▁▂▃▄▅▆▇█]");
  }

  @Test
  void jitterToggleSwapsTheColumnSet() {
    ViewState jitter = TABLE.apply(Action.JITTER_COLUMNS, 1, PATH.hops());
    List<String> screen = render(jitter, 80, 24, Fixtures.KNOWN, target("example.com", PATH));

    assertFits(screen, 80, 24);
    assertThat(titleRow(screen)).contains("Loss%", "Snt", "Jttr", "Javg", "Jmax", "Jint", "Floss",
        "Bloss").doesNotContain("Last", "Best", "Wrst", "StDev");
    List<String> back = render(jitter.apply(Action.JITTER_COLUMNS, 1, PATH.hops()), 80, 24,
        Fixtures.KNOWN, target("example.com", PATH));
    assertThat(titleRow(back)).contains("StDev").doesNotContain("Jttr");
  }

  @Test
  void dnsToggleSwitchesBetweenNamesAndAddresses() {
    List<String> names = render(TABLE, 80, 24, Fixtures.KNOWN, target("example.com", PATH));
    assertThat(row(names, 1)).contains("gateway.home.example").doesNotContain("192.168.1.1");
    // An address without a known name stays an address.
    assertThat(row(names, 2)).contains("10.20.0.1");

    ViewState addresses = TABLE.apply(Action.DNS, 1, PATH.hops());
    List<String> numeric = render(addresses, 80, 24, Fixtures.KNOWN, target("example.com", PATH));
    assertThat(row(numeric, 1)).contains("192.168.1.1").doesNotContain("gateway");
    assertThat(row(numeric, 7)).contains("93.184.216.34");
  }

  @Test
  void controlCharactersNeverReachTheScreen() {
    String evil = "evil\u001b[2J\u0007\r\nname\u202e\u009b";
    KnownNames names = a -> Optional.of(evil);
    LiveSnapshot troubled = Fixtures.path(20, Optional.of("bad\u001b]0;title\u0007problem"));
    TargetFrame frame = new TargetFrame("label\u001b[31m", troubled, false, 0,
        Optional.of("fail\u0000ure"));

    for (ViewKind view : ViewKind.values()) {
      ViewState state = new ViewState(0, view, ColumnSet.DEFAULT, true, false, 5, 0, false);
      List<String> screen = render(new Frame(state, List.of(frame), 200, 50,
          Optional.of("status\u001b[H")), names);
      for (String line : screen) {
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e))
            .as("control characters in [%s]", line).isEmpty();
      }
      assertThat(join(screen)).contains("label?[31m");
    }
    List<String> table = render(new Frame(TABLE, List.of(frame), 200, 50, Optional.empty()), names);
    assertThat(join(table)).contains("evil?[2J???name").contains("bad?]0;title?problem");
  }

  @Test
  void severalTargetsAreListedAndTheSelectedOneIsShown() {
    LiveSnapshot other = new LiveSnapshot(
        Fixtures.request("backup.example.org", Fixtures.ip("192.0.2.80")), Fixtures.session(), 3,
        PATH.hops().subList(0, 2), 0, DropCounts.NONE, Optional.empty(), false, false, 0,
        List.of());
    TargetFrame first = target("example.com", PATH);
    TargetFrame second = target("backup.example.org", other);

    List<String> screen = render(TABLE, 80, 24, Fixtures.KNOWN, first, second);
    assertFits(screen, 80, 24);
    assertThat(screen.get(2)).contains("1 example.com").contains("2 backup.example.org");
    assertThat(screen.getFirst()).contains("example.com (93.184.216.34)");
    assertThat(screen.getLast()).contains("Tab target");

    ViewState next = TABLE.apply(Action.NEXT_TARGET, 2, PATH.hops());
    List<String> shown = render(next, 80, 24, Fixtures.KNOWN, first, second);
    assertThat(shown.getFirst()).contains("backup.example.org (192.0.2.80)");
    assertThat(row(shown, 2)).contains("10.20.0.1");
    assertThat(join(shown)).doesNotContain("  7 ");
  }

  @Test
  void theSelectedTargetStaysInATargetListTooLongForTheScreen() {
    TargetFrame[] targets = new TargetFrame[9];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = target("host-" + (i + 1) + ".example", PATH);
    }
    List<String> first = render(TABLE, 60, 20, Fixtures.KNOWN, targets);
    assertFits(first, 60, 20);
    assertThat(first.get(2)).startsWith("targets:  1 host-1.example ").doesNotContain("…");

    ViewState last = TABLE.apply(Action.PREVIOUS_TARGET, targets.length, PATH.hops());
    List<String> shown = render(last, 60, 20, Fixtures.KNOWN, targets);
    assertFits(shown, 60, 20);
    assertThat(shown.get(2)).startsWith("targets: … ").endsWith(" 9 host-9.example ")
        .doesNotContain("1 host-1.example");
  }

  @Test
  void aLongPathScrollsToTheSelectedHopWithMarkers() {
    LiveSnapshot longPath = longPath(30);
    List<String> top = render(TABLE, 80, 24, Fixtures.KNOWN, target("far.example", longPath));
    assertFits(top, 80, 24);
    assertThat(join(top)).contains("more hops below").doesNotContain("above");
    row(top, 1);

    // Nothing selected: Up selects the last hop.
    ViewState last = TABLE.apply(Action.UP, 1, longPath.hops());
    List<String> bottom = render(last, 80, 24, Fixtures.KNOWN, target("far.example", longPath));
    assertFits(bottom, 80, 24);
    assertThat(row(bottom, 30)).contains("10.0.30.1");
    assertThat(join(bottom)).contains("more hops above").doesNotContain("below");

    LiveSnapshot longer = longPath(60);
    ViewState middle = TABLE.apply(Action.DOWN, 1, longer.hops());
    for (int i = 0; i < 29; i++) {
      middle = middle.apply(Action.DOWN, 1, longer.hops());
    }
    assertThat(middle.selectedTtl()).isEqualTo(30);
    List<String> mid = render(middle, 80, 24, Fixtures.KNOWN, target("far.example", longer));
    assertFits(mid, 80, 24);
    assertThat(row(mid, 30)).contains("10.0.30.1");
    assertThat(join(mid)).contains("more hops above").contains("more hops below");
  }

  @Test
  void undefinedFiguresShowAsDashNeverNaN() {
    // One reply: no StDev, no jitter yet.
    HopSnapshot single = new HopSnapshot(1, 1, 1, new RttSummary(1.5, 1.5, 1.5, 1.5, Double.NaN),
        JitterSummary.NONE, 0, 0, List.of(Fixtures.responder("192.168.1.1", 1)), List.of(1.5), "",
        false);
    HopSnapshot unsent = new HopSnapshot(2, 0, 0, RttSummary.NONE, JitterSummary.NONE, 0, 0,
        List.of(), List.of(), "", false);
    LiveSnapshot fresh = new LiveSnapshot(PATH.request(), PATH.session(), 1, List.of(single, unsent),
        0, DropCounts.NONE, Optional.empty(), false, false, 0, List.of());

    for (ViewKind view : ViewKind.values()) {
      for (ColumnSet set : ColumnSet.values()) {
        ViewState state = new ViewState(0, view, set, false, false, 1, 0, false);
        String text = join(render(state, 200, 50, KnownNames.NONE, target("example.com", fresh)));
        assertThat(text).doesNotContainIgnoringCase("nan").doesNotContain("Infinity");
      }
    }
    List<String> table = render(new ViewState(0, ViewKind.TABLE, ColumnSet.DEFAULT, false, false,
        0, 0, false), 80, 24, KnownNames.NONE, target("example.com", fresh));
    assertThat(row(table, 1)).contains("  1.5    1.5    1.5    1.5      - ");
    assertThat(row(table, 2)).contains("???");
  }

  @Test
  void theSelectedHopIsHighlightedButItsBarsKeepTheirColours() {
    long inverse = AttributedStyle.INVERSE.getStyle();
    for (ViewKind view : new ViewKind[] {ViewKind.TABLE, ViewKind.CHART}) {
      ViewState state = new ViewState(0, view, ColumnSet.DEFAULT, true, false, 3, 0, false);
      List<AttributedString> screen = Screen.lines(
          new Frame(state, List.of(target("example.com", PATH)), 200, 50, Optional.empty()),
          Fixtures.KNOWN, KnownOrigins.NONE, Glyphs.UNICODE);
      AttributedString row = screen.stream().filter(l -> l.toString().startsWith("  3 "))
          .reduce((first, second) -> second).orElseThrow();
      assertThat(row.styleAt(2).getStyle() & inverse).as("%s row", view).isNotZero();
      int bars = 0;
      for (int i = 0; i < row.length(); i++) {
        if ("▁▂▃▄▅▆▇█×".indexOf(row.charAt(i)) >= 0) {
          bars++;
          assertThat(row.styleAt(i).getStyle() & inverse).as("%s bar at %d", view, i).isZero();
        }
      }
      assertThat(bars).as("%s bars", view).isPositive();
    }
  }

  @Test
  void chartViewDrawsTheSelectedHop() {
    ViewState chart = new ViewState(0, ViewKind.CHART, ColumnSet.DEFAULT, true, false, 3, 0,
        false);
    for (int[] size : new int[][] {{80, 24}, {200, 50}}) {
      List<String> screen = render(chart, size[0], size[1], Fixtures.KNOWN,
          target("example.com", PATH));
      assertFits(screen, size[0], size[1]);
      assertThat(join(screen)).contains("RTT at hop 3").contains("100.64.0.1")
          .containsPattern("[▁▂▃▄▅▆▇█]").contains("×").contains("Every hop");
    }
  }

  @Test
  void detailViewListsEveryResponderWithShareAndLabels() {
    ViewState detail = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, false, 5, 0,
        false);
    List<String> screen = render(detail, 80, 24, Fixtures.KNOWN, target("example.com", PATH));
    String text = join(screen);

    assertFits(screen, 80, 24);
    assertThat(text).contains("Hop 5 of 7, 2 responders")
        .contains("core1.transit.example.net (203.0.113.5)").contains("60%")
        .contains("203.0.113.6").contains("40%")
        .contains("[MPLS: Lbl 24001 TC 0 S 1 TTL 1]").contains("[MPLS: Lbl 101 TC 0 S 1 TTL 1]")
        .contains("sent 20").contains("received 20").contains("stdev");
  }

  @Test
  void helpListsTheKeys() {
    ViewState help = TABLE.apply(Action.HELP, 1, PATH.hops());
    List<String> screen = render(help, 80, 24, Fixtures.KNOWN, target("example.com", PATH));

    assertFits(screen, 80, 24);
    assertThat(join(screen)).contains("q, Ctrl-C").contains("pause or resume")
        .contains("host names / addresses").contains("RTT columns / jitter");
    assertThat(help.apply(Action.NONE, 1, PATH.hops()).help()).isFalse();
  }

  @Test
  void anyTerminalSizeStaysWithinItsBounds() {
    for (ViewKind view : ViewKind.values()) {
      for (int[] size : new int[][] {{1, 1}, {20, 3}, {40, 10}, {79, 24}, {81, 25}, {300, 80}}) {
        ViewState state = new ViewState(0, view, ColumnSet.DEFAULT, true, false, 0, 0, false);
        List<String> screen = render(state, size[0], size[1], Fixtures.KNOWN,
            target("example.com", PATH));
        assertFits(screen, size[0], size[1]);
      }
    }
  }

  /** At most {@code rows} lines, none wider than the screen, the last a column short. */
  static void assertFits(List<String> screen, int columns, int rows) {
    assertThat(screen).hasSizeLessThanOrEqualTo(rows);
    for (int i = 0; i < screen.size(); i++) {
      int limit = i == rows - 1 ? columns - 1 : columns;
      assertThat(Text.width(screen.get(i))).as("line %d: [%s]", i, screen.get(i))
          .isLessThanOrEqualTo(limit);
      assertThat(screen.get(i)).doesNotContainIgnoringCase("nan");
    }
  }

  private static int indexOf(List<String> screen, String text) {
    for (int i = 0; i < screen.size(); i++) {
      if (screen.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not on screen:\n" + join(screen));
  }

  private static LiveSnapshot longPath(int hops) {
    Random random = new Random(1);
    List<HopSnapshot> list = new ArrayList<>();
    for (int ttl = 1; ttl <= hops; ttl++) {
      list.add(Fixtures.hop(ttl, 10, 0, ttl, random, Fixtures.responder("10.0." + ttl + ".1", 10)));
    }
    return new LiveSnapshot(Fixtures.request("far.example", Fixtures.ip("10.0." + hops + ".1")),
        Fixtures.session(), 10, list, hops, DropCounts.NONE, Optional.empty(), false, false, 0,
        List.of());
  }
}
