package dev.hoptrace.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A terminal a test types into and reads, as a person would: an interactive bash in a tmux window
 * of a given size, on a tmux server of its own (private socket, no config file), so neither the
 * user's tmux nor another test run is touched and {@link #close()} can end the whole server.
 */
final class Tmux implements AutoCloseable {
  /** The prompt of the shell inside, recognisable on screen. */
  static final String PROMPT = "it$ ";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_MS = 100;

  private final String socket;
  private final String target;
  private Path socketPath;

  private Tmux(String socket, String target) {
    this.socket = socket;
    this.target = target;
  }

  /** Whether tmux can be run at all on this machine. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A new server with one window of {@code columns}×{@code rows} running a bare bash. */
  static Tmux start(String name, int columns, int rows) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    Tmux tmux = new Tmux("hoptrace-it-" + unique, unique);
    try {
      tmux.run("new-session", "-d", "-s", unique, "-x", Integer.toString(columns),
          "-y", Integer.toString(rows),
          // tmux leaves PS1 out of a new session's environment: set it on the command line.
          "PS1='" + PROMPT + "' exec bash --norc --noprofile -i");
      tmux.socketPath = Path.of(tmux.run("display-message", "-p", "#{socket_path}").strip());
      // Without a client attached, the window keeps the size it was given.
      tmux.run("set-option", "-t", unique, "window-size", "manual");
      tmux.awaitScreen(s -> s.stream().anyMatch(l -> l.startsWith(PROMPT.strip())),
          Duration.ofSeconds(10), "the shell prompt");
      return tmux;
    } catch (RuntimeException | AssertionError e) {
      tmux.close();
      throw e;
    }
  }

  /** Types {@code line} at the prompt and presses Enter. */
  void enter(String line) {
    run("send-keys", "-t", target, "-l", line);
    press("Enter");
  }

  /** Presses keys by tmux's names: {@code q}, {@code Tab}, {@code Escape}, {@code C-c}, ... */
  void press(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
    args.addAll(Arrays.asList(keys));
    run(args.toArray(String[]::new));
  }

  /** What the window shows now, one string per row (trailing blanks trimmed, as tmux does). */
  List<String> screen() {
    return run("capture-pane", "-p", "-t", target).lines().toList();
  }

  /** The same with the colours and attributes as SGR escape sequences. */
  String screenWithAttributes() {
    return run("capture-pane", "-e", "-p", "-t", target);
  }

  /** Whether the program in the window is on the alternate screen (full-screen mode). */
  boolean alternateScreen() {
    return "1".equals(run("display-message", "-p", "-t", target, "#{alternate_on}").strip());
  }

  /** The window's title, which a program may set with OSC 0 or 2. */
  String paneTitle() {
    return run("display-message", "-p", "-t", target, "#{pane_title}").strip();
  }

  void resize(int columns, int rows) {
    run("resize-window", "-t", target, "-x", Integer.toString(columns), "-y",
        Integer.toString(rows));
  }

  /** The process id of the shell in the window. */
  long shellPid() {
    return Long.parseLong(run("display-message", "-p", "-t", target, "#{pane_pid}").strip());
  }

  /**
   * Polls the screen until {@code condition} holds and returns that screen; fails with the last
   * screen shown when it does not within {@code timeout}.
   */
  List<String> awaitScreen(Predicate<List<String>> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> last = List.of();
    while (true) {
      last = screen();
      if (condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " on screen within " + timeout.toSeconds()
            + " s; the screen:\n" + String.join("\n", last));
      }
      sleep(POLL_MS);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Ends the server and everything running in it, and removes its socket file. */
  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (AssertionError e) {
      // already gone: the only window's shell exited
    }
    if (socketPath != null) {
      try {
        Files.deleteIfExists(socketPath);
      } catch (IOException e) {
        // a stale socket file in tmux's own directory; harmless
      }
    }
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // A test started inside tmux must still get a server of its own, and the shell a UTF-8
    // locale and no history file.
    env.remove("TMUX");
    env.put("LANG", "C.UTF-8");
    env.remove("LC_ALL");
    env.put("HISTFILE", "/dev/null");
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("tmux hung: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("tmux failed (" + p.exitValue() + "): " + command + "\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run tmux: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
