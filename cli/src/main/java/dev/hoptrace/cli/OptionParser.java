package dev.hoptrace.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a command line into a command's settings the way traceroute users type it: short options
 * with the value attached or apart ({@code -q3}, {@code -q 3}), clustered flags ({@code -nI}), long
 * options with {@code =} or a space, {@code --} to end the options, and the positional words in
 * between or after. A value is always the next word, even when it starts with a dash
 * ({@code -z -1}), as getopt does; the converter then says what is wrong with it.
 *
 * <p>Every mistake becomes a {@link UserError} with exit code 2 whose message names the option
 * and quotes what was typed.
 *
 * @param <S> the mutable settings of the command
 */
final class OptionParser<S> {

  /** What the command should do once its command line has been read. */
  enum Outcome {
    /** Run with the settings. */
    RUN,
    /** Print help; the settings may be incomplete. */
    HELP,
    /** Print the version; the settings may be incomplete. */
    VERSION
  }

  private final OptionTable<S> table;
  private final S settings;
  /** Per exclusive group, the name under which its one member was given. */
  private final Map<String, String> groupsGiven = new HashMap<>();
  private int positionalsSeen;

  private OptionParser(OptionTable<S> table, S settings) {
    this.table = table;
    this.settings = settings;
  }

  /**
   * Parses for a command that prints its own help and version: answers {@code --help} and
   * {@code --version} on {@code out} and returns false; returns true when the command should run.
   */
  static <S> boolean parseToRun(OptionTable<S> table, List<String> args, S settings,
      PrintStream out) throws UserError {
    switch (parse(table, args, settings)) {
      case HELP -> out.print(HelpText.of(table));
      case VERSION -> out.println(Version.line());
      case RUN -> {
        return true;
      }
    }
    return false;
  }

  /** Applies {@code args} to {@code settings} as {@code table} describes them. */
  static <S> Outcome parse(OptionTable<S> table, List<String> args, S settings) throws UserError {
    return new OptionParser<>(table, settings).parse(args);
  }

  private Outcome parse(List<String> args) throws UserError {
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || arg.length() < 2 || arg.charAt(0) != '-') {
        positional(arg); // "-" alone is a word too, as in most Unix tools
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String next = i + 1 < args.size() ? args.get(i + 1) : null;
      Step step = arg.startsWith("--") ? longOption(arg, next) : shortCluster(arg, next);
      if (step.tookNextWord()) {
        i++;
      }
      if (step.stop() != null) {
        return step.stop().kind() == Option.Kind.HELP ? Outcome.HELP : Outcome.VERSION;
      }
    }
    List<Positional<S>> positionals = table.positionals();
    for (Positional<S> p : positionals.subList(Math.min(positionalsSeen, positionals.size()),
        positionals.size())) {
      if (p.required()) {
        throw UserError.usage("missing " + p.label() + " (usage: " + table.usage() + ")");
      }
    }
    return Outcome.RUN;
  }

  /**
   * What one word of options did: the help or version option it met (which ends parsing), and
   * whether it took the next word as a value.
   */
  private record Step(Option<?> stop, boolean tookNextWord) {}

  /** {@code --name}, {@code --name=value} or {@code --name value}. */
  private Step longOption(String arg, String next) throws UserError {
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    Option<S> option = known(name, arg);
    if (option.kind() != Option.Kind.VALUE) {
      if (equals >= 0) {
        throw UserError.usage(name + " takes no value, got '" + arg.substring(equals + 1) + "'");
      }
      return new Step(apply(option, name, ""), false);
    }
    if (equals >= 0) {
      return new Step(apply(option, name, arg.substring(equals + 1)), false);
    }
    if (next == null) {
      throw missingValue(option, name);
    }
    return new Step(apply(option, name, next), true);
  }

  /** {@code -n}, {@code -nI}, {@code -q3}, {@code -nq3} or {@code -q 3}. */
  private Step shortCluster(String arg, String next) throws UserError {
    for (int at = 1; at < arg.length(); at++) {
      String name = "-" + arg.charAt(at);
      Option<S> option = known(name, arg);
      if (option.kind() != Option.Kind.VALUE) {
        Option<S> stop = apply(option, name, "");
        if (stop != null) {
          return new Step(stop, false);
        }
        continue; // the next letter is another option
      }
      if (at + 1 < arg.length()) {
        return new Step(apply(option, name, arg.substring(at + 1)), false);
      }
      if (next == null) {
        throw missingValue(option, name);
      }
      return new Step(apply(option, name, next), true);
    }
    return new Step(null, false);
  }

  private Option<S> known(String name, String typed) throws UserError {
    Option<S> option = table.option(name);
    if (option == null) {
      String where = typed.equals(name) || name.startsWith("--") ? "" : " in '" + typed + "'";
      throw UserError.usage("Unknown option '" + name + "'" + where + suggestion(name));
    }
    return option;
  }

  /** For a long name that starts one option's name ({@code --gap}), that option. */
  private String suggestion(String name) {
    if (!name.startsWith("--") || name.length() < 3) {
      return "";
    }
    String found = null;
    for (Option<S> option : table.options()) {
      for (String candidate : option.names()) {
        if (candidate.startsWith(name)) {
          if (found != null) {
            return "";
          }
          found = candidate;
        }
      }
    }
    return found == null ? "" : "; did you mean " + found + "?";
  }

  /** Sets the option; returns it when it ends parsing (help, version), else null. */
  private Option<S> apply(Option<S> option, String typedName, String value) throws UserError {
    if (!option.group().isEmpty()) {
      String earlier = groupsGiven.putIfAbsent(option.group(), typedName);
      if (earlier != null && table.option(earlier) != option) {
        throw UserError.usage(earlier + " and " + typedName
            + " are mutually exclusive: give one of " + table.groupMembers(option.group()));
      }
    }
    if (option.kind() == Option.Kind.HELP || option.kind() == Option.Kind.VERSION) {
      return option;
    }
    try {
      option.setter().set(settings, value);
    } catch (BadValue e) {
      throw UserError.usage(option.displayName() + ": " + e.getMessage());
    }
    return null;
  }

  private void positional(String word) throws UserError {
    List<Positional<S>> positionals = table.positionals();
    boolean repeatLast = !positionals.isEmpty() && positionals.getLast().repeats();
    if (positionalsSeen == positionals.size() && !repeatLast) {
      throw UserError.usage("unexpected argument '" + word + "' (usage: " + table.usage() + ")");
    }
    Positional<S> p = positionals.get(Math.min(positionalsSeen++, positionals.size() - 1));
    try {
      p.setter().set(settings, word);
    } catch (BadValue e) {
      throw UserError.usage(p.label() + ": " + e.getMessage());
    }
  }

  private static UserError missingValue(Option<?> option, String name) {
    return UserError.usage(name + " needs a value: " + option.valueLabel());
  }
}
