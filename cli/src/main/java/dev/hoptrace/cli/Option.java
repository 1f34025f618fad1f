package dev.hoptrace.cli;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One option of a command, described once for both parsing and {@code --help}: its names, the
 * label of its value (empty for a flag), its description, the exclusive group it belongs to (empty
 * for none) and what it does to the command's settings.
 *
 * @param <S> the mutable settings of the command the option belongs to
 */
record Option<S>(List<String> names, Kind kind, String valueLabel, String description, String group,
    Setter<S> setter) {

  /** What the parser does when it meets the option. */
  enum Kind {
    /** Sets something; takes no value. */
    FLAG,
    /** Takes a value: attached ({@code -q3}, {@code --queries=3}) or the next word. */
    VALUE,
    /** Stops parsing: the command prints its help. */
    HELP,
    /** Stops parsing: the command prints its version. */
    VERSION
  }

  /** Applies an option's value (empty for a flag) to the settings; throws {@link BadValue}. */
  @FunctionalInterface
  interface Setter<S> {
    void set(S settings, String value);
  }

  Option {
    names = List.copyOf(names);
    if (names.isEmpty() || (kind == Kind.VALUE) == valueLabel.isEmpty()) {
      throw new IllegalArgumentException(
          "an option needs a name, and a value label exactly when it takes a value: " + names);
    }
    for (String name : names) {
      boolean isShort = name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-';
      boolean isLong = name.length() > 2 && name.startsWith("--") && name.indexOf('=') < 0;
      if (!isShort && !isLong) {
        throw new IllegalArgumentException("not an option name: '" + name + "'");
      }
    }
    Objects.requireNonNull(description);
    Objects.requireNonNull(group);
  }

  /** A flag: {@code names} as help shows them, comma-separated, such as {@code "-I, --icmp"}. */
  static <S> Option<S> flag(String names, String description, Consumer<S> action) {
    return new Option<>(split(names), Kind.FLAG, "", description, "", (s, v) -> action.accept(s));
  }

  /** An option taking a value shown in help as {@code valueLabel}, such as {@code N}. */
  static <S> Option<S> value(String names, String valueLabel, String description,
      Setter<S> setter) {
    return new Option<>(split(names), Kind.VALUE, valueLabel, description, "", setter);
  }

  /** {@code -h, --help}. */
  static <S> Option<S> help() {
    return new Option<>(List.of("-h", "--help"), Kind.HELP, "", "Show this help and exit.", "",
        (s, v) -> {});
  }

  /** {@code -V, --version}. */
  static <S> Option<S> version() {
    return new Option<>(List.of("-V", "--version"), Kind.VERSION, "", "Print the version and exit.",
        "", (s, v) -> {});
  }

  /** This option in a group of which at most one may be given, such as {@code -4}/{@code -6}. */
  Option<S> inGroup(String groupName) {
    return new Option<>(names, kind, valueLabel, description, groupName, setter);
  }

  /** The name errors use: every name, so that {@code -o} and {@code --output} are both found. */
  String displayName() {
    return String.join("/", names);
  }

  private static List<String> split(String names) {
    return List.of(names.split(", "));
  }
}
