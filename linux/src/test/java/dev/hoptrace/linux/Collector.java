package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import java.util.ArrayList;
import java.util.List;

/** A sink that records what a session delivers, and a loop that receives until enough came. */
final class Collector implements ReplySink {
  final List<Reply> replies = new ArrayList<>();
  final List<String> dropped = new ArrayList<>();

  @Override
  public void accept(Reply reply) {
    replies.add(reply);
  }

  @Override
  public void malformed(String why) {
    dropped.add("malformed: " + why);
  }

  @Override
  public void foreign(String why) {
    dropped.add("foreign: " + why);
  }

  /** Receives until {@code count} replies arrived or {@code millis} passed on the session clock. */
  Collector until(ProbeSession session, int count, long millis) throws NetworkException {
    long deadline = session.now() + millis * 1_000_000L;
    while (replies.size() < count && session.now() < deadline) {
      session.receive(deadline, this);
    }
    return this;
  }

  /** Receives everything that arrives within {@code millis}. */
  Collector during(ProbeSession session, long millis) throws NetworkException {
    return until(session, Integer.MAX_VALUE, millis);
  }
}
