package dev.hoptrace.cli;

/**
 * A word of a command line that is not an option, such as {@code HOST}, taken in order.
 *
 * @param label the name help and errors use
 * @param description what it means, for {@code --help}
 * @param required whether the command line is wrong without it
 * @param repeats whether it takes every further word too ({@code HOST...}); only the last may
 * @param setter applies the word to the settings; throws {@link BadValue}
 * @param <S> the mutable settings of the command
 */
record Positional<S>(String label, String description, boolean required, boolean repeats,
    Option.Setter<S> setter) {

  Positional(String label, String description, boolean required, Option.Setter<S> setter) {
    this(label, description, required, false, setter);
  }

  /** As the usage line shows it: {@code HOST}, {@code HOST...}, or {@code [packetlen]}. */
  String synopsis() {
    String word = repeats ? label + "..." : label;
    return required ? word : "[" + word + "]";
  }
}
