package dev.hoptrace.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subcommands by name, and the rule that picks one: the first word of the command line, when
 * it is exactly a subcommand's name. Anything else (an option, a host) is the trace command's, so
 * {@code hoptrace example.net} keeps working whatever subcommands exist; a host that is spelled
 * like one is traced with an option or {@code --} in front ({@code hoptrace -- demo}).
 */
final class Subcommands {
  private final Map<String, Subcommand> byName = new LinkedHashMap<>();

  Subcommands(List<Subcommand> subcommands) {
    for (Subcommand command : subcommands) {
      if (byName.put(command.name(), command) != null) {
        throw new IllegalArgumentException("two subcommands named " + command.name());
      }
    }
  }

  /** The subcommand {@code args} start with, or empty for a trace. */
  Optional<Subcommand> select(List<String> args) {
    return args.isEmpty() ? Optional.empty() : Optional.ofNullable(byName.get(args.getFirst()));
  }

  /** In the order given, for the command list in {@code hoptrace --help}. */
  Collection<Subcommand> all() {
    return byName.values();
  }
}
