package dev.hoptrace.linux;

import dev.hoptrace.core.net.WireKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The sockets of probes in flight, for the session kinds that open one socket per probe (UDP,
 * TCP connect): each stays open until the engine releases its probe, and all close with the
 * session.
 */
final class ProbeSockets<S extends ProbeSockets.ProbeSocket> {

  /** A socket that carries one probe. */
  interface ProbeSocket {
    void close();
  }

  private final Map<WireKey, S> inFlight = new HashMap<>();

  /** Tracks {@code socket}; a socket still held under the same key (a reused port) is closed. */
  void add(WireKey key, S socket) {
    S previous = inFlight.put(key, socket);
    if (previous != null) {
      previous.close();
    }
  }

  void release(WireKey key) {
    S socket = inFlight.remove(key);
    if (socket != null) {
      socket.close();
    }
  }

  void closeAll() {
    inFlight.values().forEach(ProbeSocket::close);
    inFlight.clear();
  }
}
