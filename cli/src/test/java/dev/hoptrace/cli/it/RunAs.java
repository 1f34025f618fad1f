package dev.hoptrace.cli.it;

import java.util.List;

/** Who runs the program under test, and which mode that user asks for. */
enum RunAs {
  /** Root with {@code --mode raw}: raw sockets, the quoted IP header visible. */
  ROOT_RAW(List.of(), "raw"),
  /** {@code nobody} without capabilities, {@code --mode unprivileged}: the error queue. */
  NOBODY_UNPRIVILEGED(
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"),
      "unprivileged");

  private final List<String> prefix;
  private final String mode;

  RunAs(List<String> prefix, String mode) {
    this.prefix = prefix;
    this.mode = mode;
  }

  /** What goes before the java command: a privilege drop, or nothing. */
  List<String> prefix() {
    return prefix;
  }

  /** The {@code --mode} value this user runs with; also what the JSON must report. */
  String mode() {
    return mode;
  }

  boolean root() {
    return this == ROOT_RAW;
  }
}
