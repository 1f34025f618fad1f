package dev.hoptrace.cli.live;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key loop on a virtual xterm: keys typed into JLine's line discipline, the screen read back
 * from its output.
 */
class LiveViewTest {
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private LineDisciplineTerminal terminal;
  private LiveView view;
  private Thread loop;

  @BeforeEach
  void openTerminal() throws IOException {
    terminal = new LineDisciplineTerminal("test", "xterm-256color", output, UTF_8);
    terminal.setSize(Size.of(80, 24));
  }

  @AfterEach
  void closeTerminal() throws Exception {
    if (loop != null && loop.isAlive()) {
      type("q");
      loop.join(PATIENCE.toMillis());
    }
    terminal.close();
  }

  @Test
  void jitterAndDnsKeysChangeTheScreenAndQQuitsRestoringTheTerminal() throws Exception {
    Attributes before = new Attributes(terminal.getAttributes());
    start(LiveViewSettings.DEFAULT.withNames(Fixtures.KNOWN),
        new Fixtures.FakeTarget("example.com", Fixtures.path()));
    await(() -> screen().contains("gateway.home.example"));

    type("j");
    await(() -> view.state().columns() == ColumnSet.JITTER);
    await(() -> screen().contains("Jttr"));
    type("d");
    await(() -> !view.state().dns());
    await(() -> screen().contains("192.168.1.1"));
    type("q");

    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
    String out = output();
    assertThat(out).contains(tput(Capability.enter_ca_mode)).contains(tput(Capability.cursor_invisible));
    assertThat(out.lastIndexOf(tput(Capability.exit_ca_mode)))
        .isGreaterThan(out.lastIndexOf("192.168.1.1"));
    assertThat(out).endsWith(tput(Capability.exit_ca_mode));
    assertThat(terminal.getAttributes().getLocalFlags()).isEqualTo(before.getLocalFlags());
    assertThat(terminal.getAttributes().getInputFlags()).isEqualTo(before.getInputFlags());
  }

  @Test
  void zTogglesTheAsColumnWhenThereAreAsNumbersAndIsIgnoredOtherwise() throws Exception {
    start(LiveViewSettings.DEFAULT.withNames(Fixtures.KNOWN).withOrigins(AsColumnTest.ORIGINS),
        new Fixtures.FakeTarget("example.com", Fixtures.path()));
    await(() -> screen().contains("AS64500"));
    assertThat(view.state().asn()).as("on at start with -A").isTrue();

    type("z");
    await(() -> !view.state().asn());
    await(() -> !screen().contains("AS64500"));
    type("z");
    await(() -> screen().contains("AS64500"));
    type("q");
    loop.join(PATIENCE.toMillis());

    start(LiveViewSettings.DEFAULT, new Fixtures.FakeTarget("example.com", Fixtures.path()));
    await(() -> screen().contains("example.com"));
    type("z");
    type("j");
    await(() -> view.state().columns() == ColumnSet.JITTER);
    assertThat(view.state().asn()).as("nothing to show without -A").isFalse();
  }

  @Test
  void ctrlCIsReadAsAKeyAndQuits() throws Exception {
    start(LiveViewSettings.DEFAULT, new Fixtures.FakeTarget("example.com", Fixtures.path()));
    await(() -> screen().contains("example.com"));

    type("\u0003");

    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
    assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ISIG)).isTrue();
  }

  @Test
  void pauseAndResetGoToTheSelectedTargetsControl() throws Exception {
    Fixtures.FakeTarget first = new Fixtures.FakeTarget("example.com", Fixtures.path());
    Fixtures.FakeTarget second = new Fixtures.FakeTarget("other.example", Fixtures.path());
    start(LiveViewSettings.DEFAULT, first, second);

    type("p");
    await(() -> first.control().paused());
    await(() -> screen().contains("PAUSED"));
    type("r");
    await(() -> resetRequested(first.control()));
    assertThat(second.control().paused()).isFalse();
    assertThat(resetRequested(second.control())).isFalse();

    type("\t");
    await(() -> view.state().target() == 1);
    type("P");
    await(() -> second.control().paused());
    assertThat(first.control().paused()).isTrue();
    type("P");
    await(() -> !first.control().paused() && !second.control().paused());
  }

  @Test
  void cursorKeysComeFromTheTerminalDescription() throws Exception {
    start(LiveViewSettings.DEFAULT,
        new Fixtures.FakeTarget("example.com", Fixtures.path()));

    type(KeyMap.key(terminal, Capability.key_up));
    await(() -> view.state().selectedTtl() == 7);
    type(KeyMap.key(terminal, Capability.key_up));
    await(() -> view.state().selectedTtl() == 6);
    type("v");
    await(() -> view.state().view() == ViewKind.CHART);
    await(() -> screen().contains("RTT at hop 6"));
    type("\u001b");  // a lone Escape: back to the table once no sequence follows
    await(() -> view.state().view() == ViewKind.TABLE);
    type("?");
    await(() -> view.state().help());
    type("x");
    await(() -> !view.state().help());
  }

  @Test
  void newSnapshotsAndResizesAreDrawn() throws Exception {
    Fixtures.FakeTarget target = new Fixtures.FakeTarget("example.com",
        Fixtures.path(3, Optional.empty()));
    start(LiveViewSettings.DEFAULT, target);
    await(() -> screen().contains("round 3"));

    target.publish(Fixtures.path(4, Optional.of("sends failing: Network is unreachable")));
    await(() -> screen().contains("round 4") && screen().contains("Network is unreachable"));

    assertThat(screen()).doesNotContain("Loss history");
    terminal.setSize(Size.of(160, 40));
    terminal.raise(Terminal.Signal.WINCH);
    await(() -> screen().contains("Loss history"));
  }

  @Test
  void finishedTargetsStayOnScreenUntilTheUserQuits() throws Exception {
    start(LiveViewSettings.DEFAULT, new Fixtures.FakeTarget("example.com", finished()));
    await(() -> screen().contains("finished"));

    Thread.sleep(3 * LiveView.TICK_MS);
    assertThat(loop.isAlive()).isTrue();
    type("q");
    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
  }

  @Test
  void returnsWhenEveryTargetFinishedIfAskedTo() throws Exception {
    Fixtures.FakeTarget done = new Fixtures.FakeTarget("example.com", finished());
    Fixtures.FakeTarget failing = new Fixtures.FakeTarget("other.example", Fixtures.path());
    start(LiveViewSettings.DEFAULT.withReturnWhenFinished(true), done, failing);
    Thread.sleep(3 * LiveView.TICK_MS);
    assertThat(loop.isAlive()).isTrue();

    failing.fail("socket closed");

    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
    assertThat(output()).endsWith(tput(Capability.exit_ca_mode));
  }

  @Test
  void aFrameThatCannotBeDrawnIsReportedAndTheViewCarriesOn() throws Exception {
    AtomicBoolean broken = new AtomicBoolean();
    AtomicInteger calls = new AtomicInteger();
    LiveSnapshot path = Fixtures.path();
    LiveTarget flaky = new LiveTarget() {
      private final LiveControl control = new LiveControl();

      @Override
      public String label() {
        return "example.com";
      }

      @Override
      public LiveSnapshot latest() {
        calls.incrementAndGet();
        if (broken.get()) {
          throw new IllegalStateException("engine state torn");
        }
        return path;
      }

      @Override
      public LiveControl control() {
        return control;
      }
    };
    start(LiveViewSettings.DEFAULT, flaky);
    await(() -> screen().contains("example.com (93.184.216.34)"));

    broken.set(true);
    await(() -> screen().contains("IllegalStateException: engine state torn"));
    assertThat(loop.isAlive()).isTrue();
    broken.set(false);
    int seen = calls.get();
    await(() -> calls.get() > seen + 2);
    type("q");
    loop.join(PATIENCE.toMillis());
    assertThat(loop.isAlive()).isFalse();
  }

  private LiveView start(LiveViewSettings settings, LiveTarget... targets) {
    view = new LiveView(terminal, List.of(targets), settings);
    loop = Thread.ofPlatform().name("live-view-test").daemon().start(view::loop);
    return view;
  }

  private void type(String keys) throws IOException {
    terminal.processInputBytes(keys.getBytes(UTF_8));
  }

  /** The screen as last drawn: Display writes only what changed, so the raw output has pieces. */
  private String screen() {
    StringBuilder text = new StringBuilder();
    view.lastScreen().forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /** What went to the terminal: escape sequences included. */
  private String output() {
    return output.toString(UTF_8);
  }

  private String tput(Capability capability) {
    return org.jline.utils.Curses.tputs(terminal.getStringCapability(capability));
  }

  private static LiveSnapshot finished() {
    LiveSnapshot p = Fixtures.path();
    return new LiveSnapshot(p.request(), p.session(), p.rounds(), p.hops(), p.destinationTtl(),
        DropCounts.NONE, Optional.empty(), false, true, p.elapsedNanos(), p.findings());
  }

  /** The engine-side flag a reset sets; package-private in core, so read reflectively here. */
  private static boolean resetRequested(LiveControl control) {
    try {
      Field field = LiveControl.class.getDeclaredField("resetRequested");
      field.setAccessible(true);
      return ((AtomicBoolean) field.get(control)).get();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + PATIENCE);
      }
      Thread.sleep(10);
    }
  }
}
