package dev.hoptrace.cli;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Renders a command's {@code --help} from its {@link OptionTable}, within 100 columns. */
final class HelpText {
  static final int WIDTH = 100;
  /** Where descriptions start: wide enough for {@code --dns-server=HOST[:PORT]} beside its text. */
  private static final int TEXT_COLUMN = 32;

  private HelpText() {}

  static String of(OptionTable<?> table) {
    StringBuilder s = new StringBuilder();
    s.append("Usage: ").append(table.usage()).append('\n');
    wrap(s, table.summary(), 0);
    s.append('\n');
    for (Positional<?> p : table.positionals()) {
      row(s, "  " + p.label(), p.description());
    }
    s.append('\n');
    Set<String> groups = new LinkedHashSet<>();
    for (Option<?> option : table.options()) {
      row(s, names(option), option.description());
      if (!option.group().isEmpty()) {
        groups.add(table.groupMembers(option.group()));
      }
    }
    if (!groups.isEmpty()) {
      s.append('\n');
      wrap(s, "Give at most one of " + String.join(" and at most one of ", groups) + ".", 0);
    }
    if (!table.footer().isEmpty()) {
      s.append('\n');
      for (String line : table.footer()) {
        wrap(s, line, 0);
      }
    }
    return s.toString();
  }

  /** The subcommand list {@code hoptrace --help} ends with; empty when there are none. */
  static String commands(Collection<Subcommand> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    StringBuilder s =
        new StringBuilder("\nCommands (the first word; any other first word is the HOST):\n");
    for (Subcommand command : subcommands) {
      row(s, "  " + command.name(), command.summary());
    }
    return s.toString();
  }

  /** {@code "  -w, --wait=MAX"}, {@code "      --gap-limit=N"}, {@code "  -n"}. */
  private static String names(Option<?> option) {
    StringBuilder s = new StringBuilder("  ");
    String first = option.names().getFirst();
    if (first.startsWith("--")) {
      s.append("    "); // long names line up under each other
    }
    s.append(String.join(", ", option.names()));
    if (option.kind() == Option.Kind.VALUE) {
      s.append(option.names().getLast().startsWith("--") ? "=" : " ").append(option.valueLabel());
    }
    return s.toString();
  }

  /** The names, then the text at {@link #TEXT_COLUMN}; on the next line when the names are long. */
  private static void row(StringBuilder s, String names, String text) {
    s.append(names);
    if (names.length() + 2 > TEXT_COLUMN) {
      s.append('\n').append(" ".repeat(TEXT_COLUMN));
    } else {
      s.append(" ".repeat(TEXT_COLUMN - names.length()));
    }
    wrap(s, text, TEXT_COLUMN);
  }

  /**
   * Appends {@code text} from column {@code indent}, where the line already is, breaking at spaces
   * so that no line passes {@link #WIDTH}; later lines start at {@code indent} too.
   */
  private static void wrap(StringBuilder s, String text, int indent) {
    int column = indent;
    for (String word : text.split(" ")) {
      if (column > indent && column + 1 + word.length() > WIDTH) {
        s.append('\n').append(" ".repeat(indent));
        column = indent;
      }
      if (column > indent) {
        s.append(' ');
        column++;
      }
      s.append(word);
      column += word.length();
    }
    s.append('\n');
  }
}
