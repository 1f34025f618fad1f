package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SessionInfo;

/**
 * What every Linux probe session shares: its description, the realtime clock its timestamps are
 * taken on, and the {@link SessionCore}'s one receive loop over all of the session's sockets.
 * Subclasses differ only in how they send and what they close.
 */
abstract class CoreSession implements ProbeSession {
  protected final SessionCore core;
  protected final SessionInfo info;

  CoreSession(SessionCore core, SessionInfo info) {
    this.core = core;
    this.info = info;
  }

  @Override
  public final SessionInfo info() {
    return info;
  }

  @Override
  public final long now() {
    return RealtimeClock.now();
  }

  @Override
  public final void receive(long deadline, ReplySink sink) throws NetworkException {
    core.receive(deadline, sink);
  }
}
