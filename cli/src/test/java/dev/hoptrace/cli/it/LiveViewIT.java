package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.cli.it.LiveScreen.HopRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoptrace live} in a real terminal (tmux), driven by keys and read off the screen as a
 * person would: the simulator paced to the wall clock everywhere, the lab as root. Each test
 * types the command into an interactive bash, so it can also check what the shell gets back:
 * the normal screen, the same terminal modes ({@code stty -g}), a prompt that works.
 */
class LiveViewIT {
  private static final Duration START = Duration.ofSeconds(10);
  private static final Duration KEY = Duration.ofSeconds(3);

  @TempDir
  Path dir;
  private Tmux tmux;

  @BeforeAll
  static void tmuxInstalled() {
    Assumptions.assumeTrue(Tmux.available(), "SKIPPED: the live view tests need tmux");
  }

  @BeforeEach
  void terminal() {
    tmux = Tmux.start("live", 80, 24);
  }

  @AfterEach
  void closeTerminal() {
    if (tmux != null) {
      tmux.close();
    }
  }

  @Test
  void simulatorShowsTheRateLimitingHopAndFollowsEveryKey() {
    startLive("--scenario rate-limited --sim -i 0.2 dst");
    LiveScreen table = await(rateLimitedTable(), START, "hops 1-5, hop 3 losing, its diagnosis");
    assertThat(tmux.alternateScreen()).isTrue();
    assertFits(table, 80, 24);
    assertThat(table.header()).contains("dst (198.18.5.2)");
    assertThat(table.hops().values()).extracting(HopRow::host)
        .containsExactly("r1", "r2", "r3", "r4", "dst");
    assertThat(table.footer()).startsWith("q quit  p pause  r reset  v chart");

    tmux.press("j");
    await(s -> s.contains("Jttr") && s.contains("Javg") && !s.contains("StDev"), KEY,
        "the jitter columns");
    tmux.press("j");
    await(s -> s.contains("StDev") && !s.contains("Jttr"), KEY, "the RTT columns again");

    tmux.press("v");
    LiveScreen chart = await(s -> s.contains("RTT at hop 5  dst")
        && s.contains("Every hop, on one scale"), KEY, "the chart of hop 5");
    assertFits(chart, 80, 24);
    assertThat(chart.footer()).contains("v hop detail");
    tmux.press("Escape");
    await(s -> s.hops().size() == 5 && s.contains("Loss%"), KEY, "the table after Esc");
    tmux.press("v", "v");
    await(s -> s.contains("Hop 5 of 5") && s.contains("the destination"), KEY, "hop 5's detail");
    tmux.press("v");
    await(s -> s.hops().size() == 5 && s.contains("Loss%"), KEY, "the table after v v v");

    tmux.press("d");
    await(s -> s.hops().values().stream().map(HopRow::host).toList().equals(
            List.of("198.18.1.2", "198.18.2.2", "198.18.3.2", "198.18.4.2", "198.18.5.2")),
        KEY, "addresses instead of names");
    tmux.press("d");
    await(s -> s.hop(3).map(HopRow::host).equals(Optional.of("r3")), KEY, "names again");

    tmux.press("p");
    await(LiveViewIT::paused, KEY, "the paused marker");
    // Rounds already in flight may still finish; after that the counter must stand still.
    LiveScreen paused = awaitSteady(Duration.ofSeconds(3), Duration.ofSeconds(10));
    int pausedRound = paused.round().orElseThrow();
    int pausedSent = paused.hop(1).orElseThrow().sent();
    tmux.press("p");
    LiveScreen resumed = await(s -> !paused(s)
        && s.round().orElse(0) > pausedRound + 2, KEY, "rounds running again");
    assertThat(resumed.hop(1).orElseThrow().sent()).isGreaterThan(pausedSent);

    int sentBefore = resumed.hop(1).orElseThrow().sent();
    tmux.press("r");
    LiveScreen reset = await(s -> s.hop(1).isPresent() && s.hop(1).get().sent() < 10
        && s.round().orElse(99) < 10, KEY, "statistics starting over");
    assertThat(sentBefore).isGreaterThan(reset.hop(1).orElseThrow().sent() + 10);

    quitAndCheckTheShell("q");
  }

  @Test
  void asNumbersFromAFileShowInTheirColumnAndZTogglesThem() throws IOException {
    Path table = Files.writeString(dir.resolve("ip2asn-v4.tsv"), String.join("\n",
        "198.18.0.0\t198.18.3.255\t64500\tDE\tACCESS-NET Example",
        "198.18.4.0\t198.18.5.255\t64501\tNL\tCORE-NET Example", ""));
    startLive("--scenario rate-limited --sim -i 0.2 -A --asn-db " + table + " dst");
    LiveScreen on = await(s -> s.isLiveView() && s.contains("  5 AS64501 dst "), START,
        "AS numbers in the table");
    assertFits(on, 80, 24);
    assertThat(on.lines()).anyMatch(l -> l.startsWith("  # AS      Host "))
        .anyMatch(l -> l.startsWith("  1 AS64500 r1 "))
        .anyMatch(l -> l.startsWith("  4 AS64501 r4 "));
    assertThat(on.footer()).contains("z no AS");

    tmux.press("z");
    LiveScreen off = await(s -> s.contains("  # Host ") && !s.contains("AS64500"), KEY,
        "the table without the AS column");
    assertFits(off, 80, 24);
    tmux.press("z", "v", "v");
    await(s -> s.contains("Hop 5 of 5")
        && s.contains("    AS64501 CORE-NET Example  198.18.4.0/23"), KEY, "hop 5's AS in detail");
    quitAndCheckTheShell("q");
  }

  @Test
  void twoTargetsSwitchWithTabAndRedrawAtEverySizeThenCtrlCQuits() {
    startLive("--scenario rate-limited --sim -i 0.2 dst r2");
    LiveScreen first = await(s -> s.isLiveView() && s.hops().size() == 5, START, "target dst");
    assertThat(first.header()).contains("dst (198.18.5.2)");
    assertThat(first.lines().get(2)).isEqualTo("targets:  1 dst   2 r2");

    tmux.press("Tab");
    LiveScreen second = await(s -> s.header().contains("r2 (198.18.2.2)")
        && s.hops().keySet().equals(Set.of(1, 2)), KEY, "target r2 with 2 hops");
    assertFits(second, 80, 24);

    // Shrink, then grow past the first size: a stale frame would leave its old footer or header
    // in the middle of the new screen.
    tmux.resize(60, 20);
    LiveScreen small = awaitSize(60, 20);
    assertThat(small.lines().get(3)).doesNotContain("StDev");  // fewer columns fit
    tmux.resize(120, 40);
    LiveScreen large = awaitSize(120, 40);
    assertThat(large.lines().get(3)).contains("Rcv").contains("StDev");
    assertThat(large.lines().subList(8, 39)).allMatch(String::isEmpty);
    tmux.resize(80, 24);
    awaitSize(80, 24);

    tmux.press("Tab");
    await(s -> s.header().contains("dst (198.18.5.2)") && s.hops().size() == 5, KEY,
        "target dst again");
    quitAndCheckTheShell("C-c");
  }

  @Test
  void udpAndTcpAgainstAFirewalledDestination() {
    startLive("--scenario firewalled-destination --sim -u dst");
    LiveScreen udp = await(s -> s.hops().size() == 4 && s.hop(4).get().host().equals("???")
        && s.hop(4).get().sent() >= 2 && !s.diagnosis().isEmpty(), START, "a silent hop 4");
    assertThat(udp.lines().get(1)).startsWith("UDP port 33434,");
    assertThat(udp.hop(4).orElseThrow().lossPercent()).isEqualTo(100.0);
    assertThat(udp.hops().values().stream().limit(3)).allMatch(h -> h.lossPercent() == 0.0);
    assertThat(String.join(" ", udp.diagnosis())).contains("try -T -p 443");
    tmux.press("q");
    awaitExit();

    startLive("--scenario firewalled-destination --sim -T -p 443 dst");
    LiveScreen tcp = await(s -> s.hops().size() == 4 && s.hop(4).get().sent() >= 2, START,
        "the destination at hop 4");
    assertThat(tcp.lines().get(1)).startsWith("TCP port 443,");
    assertThat(tcp.hops().values()).extracting(HopRow::host)
        .containsExactly("r1", "r2", "r3", "dst");
    assertThat(tcp.hops().values()).allMatch(h -> h.lossPercent() == 0.0);
    quitAndCheckTheShell("q");
  }

  @Test
  void labAsRootShowsTheSameShapeAndLeavesNoNamespace() throws IOException {
    ItEnvironment.requireRoot();
    startLive("--scenario rate-limited -i 0.2 dst");
    // The lab is built (and says so on stderr) before the view takes over the screen.
    LiveScreen firstFrame = await(LiveScreen::isLiveView, Duration.ofSeconds(20), "the view");
    assertThat(firstFrame.lines()).noneMatch(l -> l.contains("hoptrace: "));
    String labId = labOf(hoptracePid());
    assertThat(namespacesOf(labId)).isNotEmpty();

    LiveScreen table = await(rateLimitedTable(), Duration.ofSeconds(15),
        "hops 1-5, hop 3 losing, its diagnosis");
    assertThat(table.lines().get(1)).startsWith("ICMP, raw: raw sockets");
    assertFits(table, 80, 24);
    quitAndCheckTheShell("q");
    assertThat(namespacesOf(labId)).as("namespaces of lab " + labId).isEmpty();
  }

  /**
   * {@code live --mtu} on real routers (small-mtu: 1400 after router 2): the view marks the drops
   * under the hops they reached and names the path MTU, while its rounds lose nothing.
   */
  @Test
  void labAsRootMarksWherePathMtuDiscoveryFoundTheDrops() {
    ItEnvironment.requireRoot();
    startLive("--scenario small-mtu -n --mtu -i 0.2 dst");
    LiveScreen table = await(s -> s.hops().size() == 4 && s.hop(4).get().sent() >= 3,
        Duration.ofSeconds(30), "hops 1-4, three rounds");
    List<String> lines = table.lines();
    assertThat(lines.get(1)).startsWith("ICMP, path MTU 1400, raw: ");
    assertThat(lines.get(rowIndex(lines, 1) + 1).strip()).isEqualTo("F=1500");
    assertThat(lines.get(rowIndex(lines, 3) + 1).strip()).isEqualTo("F=1400");
    assertThat(lines).filteredOn(l -> l.contains("F=")).hasSize(2);
    assertThat(table.hops().values()).allMatch(h -> h.lossPercent() == 0.0);
    quitAndCheckTheShell("q");
  }

  private static int rowIndex(List<String> lines, int ttl) {
    String start = String.format("%3d ", ttl);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("no row for hop " + ttl + " in\n" + String.join("\n", lines));
  }

  /** The marker at the right end of the header's second line. */
  private static boolean paused(LiveScreen screen) {
    return screen.lines().size() > 1 && screen.lines().get(1).strip().endsWith(" PAUSED");
  }

  /** Hops 1-5 with r3 clearly losing (it answers 2 of 5 probes a second), the rest not at all. */
  private static Predicate<LiveScreen> rateLimitedTable() {
    return s -> {
      Map<Integer, HopRow> hops = s.hops();
      if (!hops.keySet().equals(Set.of(1, 2, 3, 4, 5)) || hops.get(3).sent() < 20) {
        return false;
      }
      boolean shape = hops.get(3).lossPercent() >= 30
          && hops.values().stream().filter(h -> h.ttl() != 3).allMatch(h -> h.lossPercent() == 0);
      return shape && s.diagnosis().stream()
          .anyMatch(d -> d.startsWith("hop 3 loses") && d.contains("rate-limits"));
    };
  }

  /** Types the command, after noting the terminal's modes, and clears the screen around it. */
  private void startLive(String arguments) {
    try {
      Files.deleteIfExists(dir.resolve("stty.after"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    tmux.enter("clear; stty -g > " + dir.resolve("stty.before") + "; "
        + ItEnvironment.java() + " --enable-native-access=ALL-UNNAMED -XX:-UsePerfData -jar "
        + ItEnvironment.jar() + " live " + arguments + "; echo EXIT=$?; stty -g > "
        + dir.resolve("stty.after"));
  }

  /**
   * Quits with {@code key} and checks what the person gets back: exit code 0, the normal screen,
   * the terminal modes as before, and a shell that echoes and runs what is typed.
   */
  private void quitAndCheckTheShell(String key) {
    tmux.press(key);
    awaitExit();
    assertThat(tmux.alternateScreen()).as("alternate screen").isFalse();
    try {
      assertThat(Files.readString(dir.resolve("stty.after")))
          .as("stty -g after the view").isEqualTo(Files.readString(dir.resolve("stty.before")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    tmux.enter("echo typed $((6 * 7))");
    tmux.awaitScreen(s -> s.contains("typed 42"), KEY, "the shell answering");
  }

  private void awaitExit() {
    List<String> screen = tmux.awaitScreen(s -> s.stream().anyMatch(l -> l.startsWith("EXIT=")),
        KEY, "the exit code");
    assertThat(screen).contains("EXIT=0");
    tmux.awaitScreen(s -> Files.exists(dir.resolve("stty.after")), KEY, "the shell prompt");
  }

  private LiveScreen await(Predicate<LiveScreen> condition, Duration timeout, String what) {
    return new LiveScreen(tmux.awaitScreen(s -> condition.test(new LiveScreen(s)), timeout, what));
  }

  /** Waits for a frame of the new size, then checks every row belongs to this size's layout. */
  private LiveScreen awaitSize(int columns, int rows) {
    await(s -> s.lines().size() == rows && s.isLiveView()
        && LiveScreen.width(s.header()) == columns, KEY, columns + "x" + rows + " frame");
    Tmux.sleep(300);  // the whole frame, not a capture taken while it was being written
    LiveScreen screen = new LiveScreen(tmux.screen());
    assertFits(screen, columns, rows);
    return screen;
  }

  /**
   * The frame is exactly the window: the header's right end (round and clock) in the last column,
   * nothing wider, the key hints on the last row, each drawn once.
   */
  private static void assertFits(LiveScreen screen, int columns, int rows) {
    assertThat(screen.lines()).as(screen.toString()).hasSize(rows);
    assertThat(LiveScreen.width(screen.header())).as(screen.toString()).isEqualTo(columns);
    assertThat(screen.widest()).as(screen.toString()).isLessThanOrEqualTo(columns);
    assertThat(screen.footer()).as(screen.toString()).startsWith("q quit");
    assertThat(screen.lines()).as(screen.toString())
        .filteredOn(l -> l.startsWith("q quit") || l.startsWith("hoptrace ")).hasSize(2);
  }

  /** Polls until the round counter stood still for {@code still}; returns that screen. */
  private LiveScreen awaitSteady(Duration still, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    LiveScreen since = new LiveScreen(tmux.screen());
    long sinceAt = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Tmux.sleep(200);
      LiveScreen now = new LiveScreen(tmux.screen());
      if (!now.round().equals(since.round()) || !now.hops().equals(since.hops())) {
        since = now;
        sinceAt = System.nanoTime();
      } else if (System.nanoTime() - sinceAt >= still.toNanos()) {
        assertThat(paused(now)).as(now.toString()).isTrue();
        return now;
      }
    }
    throw new AssertionError("the paused view kept counting for " + timeout.toSeconds()
        + " s:\n" + since);
  }

  private long hoptracePid() {
    return ProcessHandle.of(tmux.shellPid()).orElseThrow().children()
        .filter(p -> p.info().command().orElse("").endsWith("java"))
        .findFirst().orElseThrow(() -> new AssertionError("no java process under the shell"))
        .pid();
  }

  /** The lab run id the hoptrace process {@code pid} claimed (see dev.hoptrace.lab.LabRegistry). */
  private static String labOf(long pid) throws IOException {
    try (var owners = Files.list(Path.of("/run/hoptrace-lab"))) {
      for (Path owner : owners.toList()) {
        if (Files.readString(owner).startsWith(pid + " ")) {
          return owner.getFileName().toString();
        }
      }
    }
    throw new AssertionError("no lab owned by process " + pid);
  }

  private static List<String> namespacesOf(String labId) throws IOException {
    Process p = new ProcessBuilder("ip", "netns", "list").start();
    String out = new String(p.getInputStream().readAllBytes());
    return out.lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("ht-" + labId + "-"))
        .toList();
  }
}
