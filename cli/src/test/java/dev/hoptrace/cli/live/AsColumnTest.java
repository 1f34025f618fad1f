package dev.hoptrace.cli.live;

import static dev.hoptrace.cli.live.ScreenTest.assertFits;
import static dev.hoptrace.cli.live.ScreenText.join;
import static dev.hoptrace.cli.live.ScreenText.row;
import static dev.hoptrace.cli.live.ScreenText.target;
import static dev.hoptrace.cli.live.ScreenText.titleRow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.cli.render.HopLookup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The AS column ({@code -A}, {@code z}) and the detail view's origins, from fixture snapshots. */
class AsColumnTest {
  private static final LiveSnapshot PATH = Fixtures.path();
  private static final ViewState TABLE = ViewState.initial(true, true);

  /** AS numbers for some hops, as -A would find them; 192.168.1.1 and 10.20.0.1 have none. */
  static final Map<InetAddress, AsInfo> ASNS = Map.of(
      Fixtures.ip("100.64.0.1"), AsInfo.of(64500),
      Fixtures.BALANCED_A, new AsInfo(64501, "203.0.113.0/25", "NL", "ripencc",
          "TRANSIT-NET Example Transit"),
      Fixtures.BALANCED_B, AsInfo.of(4_200_000_000L),
      Fixtures.ip("198.51.100.1"), AsInfo.of(64502),
      Fixtures.DESTINATION, new AsInfo(15133, "93.184.216.0/24", "US", "arin", "EDGECAST"));

  static final KnownOrigins ORIGINS = new KnownOrigins(
      Optional.of(a -> Optional.ofNullable(ASNS.get(a))),
      a -> a.equals(Fixtures.DESTINATION)
          ? Optional.of(new Place("US", "United States", "Los Angeles")) : Optional.empty());

  private static List<String> render(ViewState state, int columns, int rows, KnownOrigins origins) {
    return ScreenText.render(new Frame(state, List.of(target("example.com", PATH)), columns, rows,
        Optional.empty()), Fixtures.KNOWN, origins);
  }

  @Test
  void theAsColumnSitsBeforeTheHostAndEveryDefaultColumnStillFitsAt80x24() {
    List<String> screen = render(TABLE, 80, 24, ORIGINS);

    assertFits(screen, 80, 24);
    assertThat(titleRow(screen)).startsWith("  # AS           Host ")
        .contains("Loss%", "Snt", "Last", "Avg", "Best", "Wrst", "StDev");
    assertThat(row(screen, 3)).startsWith("  3 AS64500      100.64.0.1 ").contains("40.0%");
    assertThat(row(screen, 7)).startsWith("  7 AS15133      example.com ");
    // No AS known (yet): the cell stays blank, as a name not known yet shows the address.
    assertThat(row(screen, 1)).startsWith("  1              gateway.home.");
    assertThat(row(screen, 4)).startsWith("  4              ??? ");
    // A further responder's own AS sits in the column, its host under the hop's.
    assertThat(screen).contains("    AS4200000000   203.0.113.6 (40%)");
    assertThat(screen.getLast()).contains("z no AS");
  }

  @Test
  void zTogglesTheColumnAndTheHostGetsItsRoomBack() {
    ViewState off = TABLE.apply(Action.AS_COLUMN, 1, PATH.hops());
    List<String> screen = render(off, 80, 24, ORIGINS);

    assertThat(off.asn()).isFalse();
    assertThat(titleRow(screen)).startsWith("  # Host ");
    assertThat(join(screen)).doesNotContain("AS64500", "AS4200000000");
    assertThat(row(screen, 1)).startsWith("  1 gateway.home.example ");
    assertThat(screen.getLast()).contains("z AS ");

    List<String> on = render(off.apply(Action.AS_COLUMN, 1, PATH.hops()), 80, 24, ORIGINS);
    assertThat(row(on, 3)).contains("AS64500");
  }

  @Test
  void aLookupStillRunningShowsNothingYetAndTheFrameNeverWaits() {
    CompletableFuture<Optional<AsInfo>> pending = new CompletableFuture<>();
    HopLookup<AsInfo> lookup = new HopLookup<>(a -> a.equals(Fixtures.DESTINATION) ? pending
        : CompletableFuture.completedFuture(Optional.ofNullable(ASNS.get(a))), Duration.ofHours(1));
    KnownOrigins origins = new KnownOrigins(Optional.of(Known.of(lookup)), Known.none());

    List<String> before = render(TABLE, 80, 24, origins);
    assertThat(row(before, 3)).contains("AS64500");
    assertThat(row(before, 7)).startsWith("  7              example.com ");

    pending.complete(Optional.of(ASNS.get(Fixtures.DESTINATION)));
    assertThat(row(render(TABLE, 80, 24, origins), 7)).startsWith("  7 AS15133      example.com ");
  }

  @Test
  void withoutAsNumbersThereIsNoColumnAndZIsNotOffered() {
    List<String> screen = render(TABLE, 80, 24, KnownOrigins.NONE);

    assertThat(titleRow(screen)).startsWith("  # Host ");
    assertThat(screen.getLast()).doesNotContain("z ");
  }

  @Test
  void narrowTerminalsKeepTheHostReadableAndDropTheAsColumnWhenEvenFewestNumbersLeaveNoRoom() {
    for (int width : new int[] {60, 50, 40, 30}) {
      for (ColumnSet set : ColumnSet.values()) {
        ViewState state = new ViewState(0, ViewKind.TABLE, set, true, true, 0, 0, false);
        List<String> screen = render(state, width, 24, ORIGINS);
        assertFits(screen, width, 24);
        String title = titleRow(screen);
        int host = title.indexOf("Host");
        int loss = title.indexOf("Loss%");
        if (title.startsWith("  # AS ")) {
          // "Loss%" is right-aligned in 6 columns after the host column's separating space.
          assertThat(loss - 2 - host).as("host column at %d:\n%s", width, join(screen))
              .isGreaterThanOrEqualTo(Columns.HOST_MIN);
        }
        if (width >= 60 || width == 50 && set == ColumnSet.DEFAULT) {
          assertThat(title).as("at %d", width).startsWith("  # AS ");
        }
      }
    }
    assertThat(titleRow(render(TABLE, 40, 24, ORIGINS))).startsWith("  # Host ");
  }

  @Test
  void theDetailViewNamesEachRespondersAsPrefixAndPlaceEvenWithTheColumnOff() {
    for (boolean column : new boolean[] {true, false}) {
      ViewState detail = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, column, 5, 0,
          false);
      List<String> screen = render(detail, 80, 24, ORIGINS);
      assertFits(screen, 80, 24);
      int first = screen.indexOf(screen.stream()
          .filter(l -> l.contains("core1.transit.example.net (203.0.113.5)")).findFirst()
          .orElseThrow());
      assertThat(screen.get(first + 1))
          .isEqualTo("    AS64501 TRANSIT-NET Example Transit  203.0.113.0/25");
      assertThat(screen).contains("    AS4200000000");
    }
    ViewState destination = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, true, 7,
        0, false);
    assertThat(render(destination, 80, 24, ORIGINS))
        .contains("    AS15133 EDGECAST  93.184.216.0/24  Los Angeles, US");
    ViewState unknown = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, true, 1, 0,
        false);
    assertThat(join(render(unknown, 80, 24, ORIGINS))).doesNotContain("    AS");
  }

  @Test
  void hostileAsNamesAreSanitisedAndCutToTheScreen() {
    String hostile = "EVIL\u001b[2J\u001b]0;owned\u0007\u202eNET\u0085\u200b " + "X".repeat(200);
    KnownOrigins evil = new KnownOrigins(
        Optional.of(a -> Optional.of(new AsInfo(64666, "", "", "", hostile))),
        a -> Optional.of(new Place("ZZ", "", "Nowhere\u001b[31m\r\nFORGED")));

    for (ViewKind view : ViewKind.values()) {
      ViewState state = new ViewState(0, view, ColumnSet.DEFAULT, true, true, 5, 0, false);
      List<String> screen = render(state, 80, 24, evil);
      assertFits(screen, 80, 24);
      for (String line : screen) {
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e
            || c == 0x200b)).as("control characters in [%s]", line).isEmpty();
      }
    }
    ViewState detail = new ViewState(0, ViewKind.DETAIL, ColumnSet.DEFAULT, true, true, 7, 0,
        false);
    String text = join(render(detail, 80, 24, evil));
    assertThat(text).contains("AS64666 EVIL?[2J?]0;owned??NET").contains("…")
        .doesNotContain("FORGED");
  }
}
