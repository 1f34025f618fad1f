package dev.hoptrace.cli;

/**
 * A word of a command line that is not an option, such as {@code HOST}, taken in order.
 *
 * @param label the name help and errors use
 * @param description what it means, for {@code --help}
 * @param required whether the command line is wrong without it
 * @param setter applies the word to the settings; throws {@link BadValue}
 * @param <S> the mutable settings of the command
 */
record Positional<S>(String label, String description, boolean required, Option.Setter<S> setter) {

  /** As the usage line shows it: {@code HOST}, or {@code [packetlen]} when optional. */
  String synopsis() {
    return required ? label : "[" + label + "]";
  }
}
