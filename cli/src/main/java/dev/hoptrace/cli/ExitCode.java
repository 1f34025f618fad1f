package dev.hoptrace.cli;

/** The exit codes hoptrace documents in the README. */
public final class ExitCode {
  /** The trace ran, whether or not the destination answered. */
  public static final int OK = 0;
  /** A bug: something unexpected failed inside hoptrace. */
  public static final int INTERNAL = 1;
  /** The command line is wrong: unknown option, value out of range, bad combination. */
  public static final int USAGE = 2;
  /** The host name could not be resolved (or has no address of the requested family). */
  public static final int UNKNOWN_HOST = 3;
  /** The chosen mode needs a privilege or a sysctl setting the process does not have. */
  public static final int PERMISSION = 4;
  /** The network refused: no route, interface down, address not available. */
  public static final int NETWORK = 5;

  private ExitCode() {}
}
