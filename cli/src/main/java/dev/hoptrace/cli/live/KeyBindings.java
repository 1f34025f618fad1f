package dev.hoptrace.cli.live;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The view's keys. Cursor and function keys come from the terminal's own terminfo description
 * (with keypad transmit mode on, see {@link TerminalSession}), so no escape sequence is written
 * out here.
 */
final class KeyBindings {
  /** How long a lone Escape waits for the rest of a key sequence before it counts as Escape. */
  static final long ESCAPE_TIMEOUT_MS = 150;

  private KeyBindings() {}

  static KeyMap<Action> keyMap(Terminal terminal) {
    KeyMap<Action> keys = new KeyMap<>();
    keys.bind(Action.QUIT, "q", KeyMap.ctrl('C'));
    keys.bind(Action.PAUSE, "p");
    keys.bind(Action.PAUSE_ALL, "P");
    keys.bind(Action.RESET, "r");
    keys.bind(Action.RESET_ALL, "R");
    keys.bind(Action.NEXT_TARGET, KeyMap.ctrl('I'), "n");
    keys.bind(Action.PREVIOUS_TARGET, "N");
    keys.bind(Action.JITTER_COLUMNS, "j");
    keys.bind(Action.DNS, "d");
    keys.bind(Action.AS_COLUMN, "z");
    keys.bind(Action.NEXT_VIEW, "v");
    keys.bind(Action.EXPAND, KeyMap.ctrl('M'), KeyMap.ctrl('J'));
    keys.bind(Action.HELP, "h", "?");
    keys.bind(Action.BACK, KeyMap.esc());
    bind(keys, Action.UP, terminal, Capability.key_up);
    bind(keys, Action.DOWN, terminal, Capability.key_down);
    bind(keys, Action.NEXT_TARGET, terminal, Capability.key_right);
    bind(keys, Action.PREVIOUS_TARGET, terminal, Capability.key_left);
    bind(keys, Action.PREVIOUS_TARGET, terminal, Capability.key_btab);
    // Anything else is read and ignored (it still closes help), never left half-consumed.
    keys.setNomatch(Action.NONE);
    keys.setUnicode(Action.NONE);
    keys.setAmbiguousTimeout(ESCAPE_TIMEOUT_MS);
    return keys;
  }

  /** Binds a key the terminal describes; a terminal without it (dumb) simply lacks the binding. */
  private static void bind(KeyMap<Action> keys, Action action, Terminal terminal, Capability key) {
    String sequence = KeyMap.key(terminal, key);
    if (sequence != null && !sequence.isEmpty()) {
      keys.bind(action, sequence);
    }
  }
}
