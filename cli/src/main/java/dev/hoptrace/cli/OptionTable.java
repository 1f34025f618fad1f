package dev.hoptrace.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one command accepts: its options and positional words, with the text around them
 * in {@code --help}. The parser and the help text both read this table, so an option is described
 * in one place.
 *
 * @param command how the user invokes it, such as {@code hoptrace} or {@code hoptrace demo}
 * @param summary one sentence under the usage line
 * @param positionals the words after the options, required ones first
 * @param options in the order help lists them
 * @param footer lines after the options (exit codes, notes), may be empty
 * @param <S> the mutable settings the command's parse fills in
 */
record OptionTable<S>(String command, String summary, List<Positional<S>> positionals,
    List<Option<S>> options, List<String> footer) {

  OptionTable {
    positionals = List.copyOf(positionals);
    options = List.copyOf(options);
    footer = List.copyOf(footer);
    boolean optionalSeen = false;
    for (int i = 0; i < positionals.size() - 1; i++) {
      if (positionals.get(i).repeats()) {
        throw new IllegalArgumentException(command + ": only the last word may repeat");
      }
    }
    for (Positional<S> p : positionals) {
      if (p.required() && optionalSeen) {
        throw new IllegalArgumentException(
            command + ": required " + p.label() + " after an optional word");
      }
      optionalSeen |= !p.required();
    }
    Map<String, Option<S>> seen = new HashMap<>();
    for (Option<S> option : options) {
      for (String name : option.names()) {
        if (seen.put(name, option) != null) {
          throw new IllegalArgumentException(command + ": option " + name + " is listed twice");
        }
      }
    }
  }

  /** The option called {@code name} ({@code -q}, {@code --queries}), or null. */
  Option<S> option(String name) {
    for (Option<S> option : options) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    return null;
  }

  /** The first names of the options in {@code group}, in table order: {@code -I, -T, -U}. */
  String groupMembers(String group) {
    StringBuilder s = new StringBuilder();
    for (Option<S> option : options) {
      if (option.group().equals(group)) {
        s.append(s.isEmpty() ? "" : ", ").append(option.names().getFirst());
      }
    }
    return s.toString();
  }

  /** {@code hoptrace [options] HOST [packetlen]}. */
  String usage() {
    StringBuilder s = new StringBuilder(command).append(" [options]");
    for (Positional<S> p : positionals) {
      s.append(' ').append(p.synopsis());
    }
    return s.toString();
  }
}
