package dev.hoptrace.cli.live;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminal in full-screen mode for as long as the view runs: raw input (Ctrl-C arrives as a
 * key, as in mtr's curses raw mode), the alternate screen, keypad transmit mode, a hidden cursor.
 * {@link #close()} puts everything back and is safe to call twice and from a shutdown hook, so a
 * SIGTERM or an exception in the view leaves the user's shell as it was.
 */
final class TerminalSession implements AutoCloseable {
  private static final long RESTORE_WAIT_MS = 500;

  private final Terminal terminal;
  private final Attributes original;
  // Drawing and restoring exclude each other: a frame half-written after the restore would land
  // on the user's shell screen.
  private final ReentrantLock lock = new ReentrantLock();
  private final Thread hook;
  private volatile boolean open;

  private TerminalSession(Terminal terminal) {
    this.terminal = terminal;
    this.original = terminal.getAttributes();
    this.hook = new Thread(this::restore, "hoptrace-terminal-restore");
  }

  static TerminalSession enter(Terminal terminal) {
    TerminalSession session = new TerminalSession(terminal);
    session.lock.lock();
    try {
      terminal.enterRawMode();
      Attributes raw = terminal.getAttributes();
      // No signal characters: Ctrl-C is read as "quit", Ctrl-Z cannot stop the process while the
      // screen is in raw mode, Ctrl-\ cannot dump core over it.
      raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(raw);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.keypad_xmit);
      terminal.puts(Capability.cursor_invisible);
      terminal.flush();
      session.open = true;
    } finally {
      session.lock.unlock();
    }
    Runtime.getRuntime().addShutdownHook(session.hook);
    return session;
  }

  /** Runs {@code output} unless the terminal was already given back; returns whether it ran. */
  boolean draw(Runnable output) {
    lock.lock();
    try {
      if (!open) {
        return false;
      }
      output.run();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives the terminal back: normal screen, cursor, keypad mode and the original attributes. Waits
   * a moment for a frame being written, but not forever: a shutdown hook must not hang the JVM
   * behind a terminal that stopped accepting output.
   */
  void restore() {
    boolean locked = false;
    try {
      locked = lock.tryLock(RESTORE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (!open) {
        return;
      }
      open = false;
      try {
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.cursor_normal);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
      } finally {
        terminal.setAttributes(original);
      }
    } catch (RuntimeException e) {
      // A terminal already closed (JLine's own shutdown hook may run first): nothing to restore.
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook has run or is running.
    }
  }
}
