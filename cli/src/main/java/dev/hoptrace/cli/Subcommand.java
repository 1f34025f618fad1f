package dev.hoptrace.cli;

import dev.hoptrace.core.net.NetworkException;
import java.util.List;

/**
 * A command chosen by the first word of the command line, such as {@code hoptrace demo}; any other
 * first word is the trace command's HOST. Each subcommand parses the rest of the line with its own
 * {@link OptionTable}, and {@link Hoptrace} turns what it throws into a message and an exit code.
 */
interface Subcommand {

  /** The word that selects it: {@code demo}. */
  String name();

  /** One line for the command list in {@code hoptrace --help}. */
  String summary();

  /**
   * Runs with the words after its name.
   *
   * @return an {@link ExitCode}
   * @throws UserError with {@link ExitCode#USAGE} for a wrong command line, or another exit code
   */
  int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException;
}
