package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.SessionInfo;

/**
 * Sockets for a bulk run: batches of probes out, batches of decoded replies in. Implemented by the
 * kernel ({@code linux}: raw sockets, or error-queue UDP and ping sockets, with {@code sendmmsg} /
 * {@code recvmmsg}) and by the simulator. Used from one thread; neither call allocates per probe.
 */
public interface BulkTransport extends AutoCloseable {

  /** What the sockets turned out to be (mode, description), for the results. */
  SessionInfo info();

  /** Now on the transport's clock, nanoseconds: the clock of send and receive times. */
  long now();

  /**
   * Sends {@code batch.count} probes and sets their send times.
   *
   * @return how many left; the rest could not be queued now (socket buffer full) and are the
   *     caller's to retry
   */
  int send(ProbeBatch batch) throws NetworkException;

  /**
   * Adds the replies available to {@code replies} (up to its capacity), waiting until at least
   * one arrived or the clock reached {@code deadline}.
   */
  void receive(ReplyBatch replies, long deadline) throws NetworkException;

  @Override
  void close();
}
