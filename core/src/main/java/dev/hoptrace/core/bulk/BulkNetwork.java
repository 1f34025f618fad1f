package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.NetworkException;

/** A network that can carry bulk runs, beside its per-trace sessions. */
public interface BulkNetwork {

  /**
   * Opens the sockets of one bulk run.
   *
   * @throws NetworkException with a one-line, actionable message when the mode or protocol cannot
   *     be had
   */
  BulkTransport openBulk(BulkSpec spec) throws NetworkException;
}
