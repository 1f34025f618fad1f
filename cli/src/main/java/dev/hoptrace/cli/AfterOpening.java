package dev.hoptrace.cli;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.SessionSpec;

/**
 * A network that runs a step right after its first session opened: the sockets a one-shot trace
 * needs privilege for exist then, so the privilege can go before a single reply is read.
 */
final class AfterOpening implements Network {
  /** A step that may refuse, as giving up privileges may. */
  interface Step {
    void run() throws UserError;
  }

  private final Network network;
  private final Step step;
  private boolean done;

  AfterOpening(Network network, Step step) {
    this.network = network;
    this.step = step;
  }

  @Override
  public ProbeSession open(SessionSpec spec) throws NetworkException {
    ProbeSession session = network.open(spec);
    if (!done) {
      done = true;
      try {
        step.run();
      } catch (UserError e) {
        session.close();
        throw new NetworkException(NetworkException.Reason.PERMISSION, e.getMessage());
      }
    }
    return session;
  }
}
