package dev.hoptrace.cli.live;

import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.stats.HopSnapshot;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen view of {@code hoptrace live}: draws the targets' newest snapshots and reads the
 * user's keys until they quit. It only reads snapshots and flips {@link LiveControl}s; it never
 * stops an engine (the caller does, once {@link #run} returns).
 *
 * <p>One thread does everything: it waits for a key at most {@value #TICK_MS} ms, then redraws if
 * a key came, the terminal was resized, a target published a new snapshot, or the clock in the
 * header is due. {@link Display} writes only what changed since the last frame.
 */
public final class LiveView {
  /** Longest wait for a key: bounds how late a new snapshot or a resize is drawn. */
  static final long TICK_MS = 50;
  /** The header's elapsed time moves on at least this often. */
  static final long CLOCK_NANOS = 250_000_000L;
  /** How long an error stays in the status line after the frame that raised it. */
  static final long STATUS_NANOS = 5_000_000_000L;

  private final Terminal terminal;
  private final List<LiveTarget> targets;
  private final LiveViewSettings settings;
  private final Glyphs glyphs;
  private final ElapsedClock clock;
  private final AtomicBoolean resized = new AtomicBoolean(true);
  private final LiveSnapshot[] drawn;
  private volatile ViewState state;
  private volatile List<AttributedString> lastScreen = List.of();
  private volatile boolean quit;
  private String error;
  private long errorAt;

  LiveView(Terminal terminal, List<LiveTarget> targets, LiveViewSettings settings) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("the live view needs at least one target");
    }
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.targets = List.copyOf(targets);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.glyphs = settings.ascii() || !StandardCharsets.UTF_8.equals(terminal.outputEncoding())
        ? Glyphs.ASCII : Glyphs.UNICODE;
    this.clock = new ElapsedClock(targets.size());
    this.drawn = new LiveSnapshot[targets.size()];
    this.state = ViewState.initial(settings.dns(), settings.origins().asns().isPresent());
  }

  /**
   * Shows {@code targets} on {@code terminal} until the user quits (q or Ctrl-C), or, with {@link
   * LiveViewSettings#returnWhenFinished()}, until every target has finished. The terminal is put
   * back as it was on return, on an exception, and on SIGTERM; it is not closed.
   */
  public static void run(Terminal terminal, List<LiveTarget> targets, LiveViewSettings settings) {
    new LiveView(terminal, targets, settings).loop();
  }

  /** {@link #run(Terminal, List, LiveViewSettings)} on the process's own terminal. */
  public static void run(List<LiveTarget> targets, LiveViewSettings settings) throws IOException {
    try (Terminal terminal = systemTerminal()) {
      run(terminal, targets, settings);
    }
  }

  /**
   * The process's terminal: JLine's FFM provider (needs native access, which the jar's manifest
   * grants), else its exec provider (stty), else a dumb terminal, which cannot address the cursor;
   * callers should check {@link Terminal#getType()} against {@link Terminal#TYPE_DUMB} and print a
   * report instead.
   */
  public static Terminal systemTerminal() throws IOException {
    return TerminalBuilder.builder()
        .name("hoptrace")
        .system(true)
        .providers("ffm,exec")
        .dumb(true)
        .build();
  }

  ViewState state() {
    return state;
  }

  /** The lines of the newest frame handed to the terminal (tests read the screen here). */
  List<AttributedString> lastScreen() {
    return lastScreen;
  }

  void loop() {
    KeyMap<Action> keys = KeyBindings.keyMap(terminal);
    BindingReader input = new BindingReader(terminal.reader());
    Display display = new Display(terminal, true);
    SignalHandler previousWinch = terminal.handle(Signal.WINCH, s -> resized.set(true));
    // A SIGINT from outside (kill -INT): the keyboard's Ctrl-C arrives as a key in raw mode.
    SignalHandler previousInt = terminal.handle(Signal.INT, s -> quit = true);
    try (TerminalSession session = TerminalSession.enter(terminal)) {
      long lastDraw = 0;
      boolean dirty = true;
      while (!quit) {
        long now = System.nanoTime();
        if (resized.getAndSet(false)) {
          // Redraw from scratch: the terminal reflowed or cleared what Display remembers.
          display.clear();
          dirty = true;
        }
        if (dirty || changed() || now - lastDraw >= CLOCK_NANOS) {
          draw(session, display, now);
          lastDraw = now;
          dirty = false;
        }
        if (settings.returnWhenFinished() && allFinished()) {
          break;
        }
        dirty = readKey(input, keys);
      }
    } finally {
      terminal.handle(Signal.WINCH, previousWinch);
      terminal.handle(Signal.INT, previousInt);
    }
  }

  /** Waits up to a tick for a key and acts on it; returns whether the screen should change. */
  private boolean readKey(BindingReader input, KeyMap<Action> keys) {
    try {
      int c = input.peekCharacter(TICK_MS);
      if (c == NonBlockingReader.READ_EXPIRED) {
        return false;
      }
      Action action = c == NonBlockingReader.EOF ? null : input.readBinding(keys);
      if (action == null) {
        // The input is gone: nobody can press q any more.
        quit = true;
        return false;
      }
      handle(action);
    } catch (IOError | EndOfFileException e) {
      // The terminal's input failed or was closed.
      quit = true;
    } catch (RuntimeException e) {
      // A control that failed: say so and carry on.
      report(e);
    }
    return true;
  }

  void handle(Action action) {
    if (action == Action.QUIT) {
      quit = true;
      return;
    }
    if (action == Action.AS_COLUMN && settings.origins().asns().isEmpty()) {
      // No -A: no AS numbers to show. The key does not turn lookups on, as mtr's does: -A is the
      // user's consent to ask Team Cymru about every hop.
      action = Action.NONE;
    }
    ViewState before = state;
    LiveTarget selected = targets.get(Math.clamp(before.target(), 0, targets.size() - 1));
    if (!before.help()) {
      switch (action) {
        case PAUSE -> selected.control().togglePause();
        case PAUSE_ALL -> pauseAll();
        case RESET -> selected.control().reset();
        case RESET_ALL -> targets.forEach(t -> t.control().reset());
        default -> { }
      }
    }
    state = before.apply(action, targets.size(), hops(selected));
  }

  /** P pauses every target unless all are paused already, in which case it resumes them all. */
  private void pauseAll() {
    boolean allPaused = targets.stream().allMatch(t -> t.control().paused());
    targets.forEach(t -> t.control().pause(!allPaused));
  }

  private static List<HopSnapshot> hops(LiveTarget target) {
    try {
      return target.latest().hops();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private boolean changed() {
    for (int i = 0; i < targets.size(); i++) {
      try {
        if (targets.get(i).latest() != drawn[i]) {
          return true;
        }
      } catch (RuntimeException e) {
        return true;  // the next frame reports it
      }
    }
    return false;
  }

  private boolean allFinished() {
    for (LiveTarget target : targets) {
      try {
        if (!target.latest().finished() && target.failure().isEmpty()) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  private void draw(TerminalSession session, Display display, long now) {
    Size size = terminal.getSize();
    // Some terminals (a pipe, a fresh pty) report 0x0: draw for the classic size then.
    int columns = size.getColumns() > 0 ? size.getColumns() : 80;
    int rows = size.getRows() > 0 ? size.getRows() : 24;
    List<AttributedString> lines;
    try {
      lines = Screen.lines(frame(columns, rows, now), settings.names(), settings.origins(),
          glyphs);
    } catch (RuntimeException e) {
      report(e);
      lines = Screen.fallback(error, columns, rows);
    }
    List<AttributedString> screen = lines;
    lastScreen = screen;
    try {
      session.draw(() -> {
        display.resize(Size.of(columns, rows));
        display.update(screen, -1);
      });
    } catch (RuntimeException e) {
      // The terminal refused output (closed under us): try again next frame.
      report(e);
    }
  }

  Frame frame(int columns, int rows, long now) {
    List<TargetFrame> frames = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      LiveTarget target = targets.get(i);
      LiveSnapshot snapshot = target.latest();
      drawn[i] = snapshot;
      boolean paused = target.control().paused();
      frames.add(new TargetFrame(target.label(), snapshot, paused,
          clock.elapsed(i, snapshot, paused, now), target.failure()));
    }
    Optional<String> status = error != null && now - errorAt < STATUS_NANOS
        ? Optional.of(error) : Optional.empty();
    return new Frame(state, frames, columns, rows, status);
  }

  private void report(RuntimeException e) {
    error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    errorAt = System.nanoTime();
  }
}
