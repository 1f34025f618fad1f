package dev.hoptrace.cli;

import dev.hoptrace.linux.PrivilegeDrop;
import dev.hoptrace.linux.ffm.ErrnoException;

/**
 * The privileges of the process, given up as soon as a command no longer needs them: before the
 * first probe socket everything but raw sockets (and root's user id, when sudo started us), after
 * the last raw socket the rest. Runs in a lab ({@code --scenario} as root) keep theirs: entering
 * namespaces and tearing the lab down need root to the end.
 */
interface Privileges {
  /** Keeps {@code CAP_NET_RAW} alone; called on the thread that starts the trace threads. */
  void keepOnlyRawSockets() throws UserError;

  /** Gives up everything; called once no more raw socket will be opened. */
  void dropAll() throws UserError;

  /** Leaves the process as it is: commands run by tests in their own JVM. */
  Privileges NONE = new Privileges() {
    @Override
    public void keepOnlyRawSockets() {}

    @Override
    public void dropAll() {}
  };

  /** The process's own, through {@link PrivilegeDrop}; a refusal stops the command. */
  static Privileges ofProcess() {
    PrivilegeDrop drop = new PrivilegeDrop(System.getenv());
    return new Privileges() {
      @Override
      public void keepOnlyRawSockets() throws UserError {
        try {
          drop.keepOnlyRawSockets();
        } catch (ErrnoException e) {
          throw refused(e);
        }
      }

      @Override
      public void dropAll() throws UserError {
        try {
          drop.dropAll();
        } catch (ErrnoException e) {
          throw refused(e);
        }
      }
    };
  }

  private static UserError refused(ErrnoException e) {
    return new UserError(ExitCode.PERMISSION, "could not give up privileges no longer needed ("
        + e.getMessage() + "); not running with more privilege than needed");
  }
}
