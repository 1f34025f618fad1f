package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * What every session kind shares: the native buffers, the epoll set with its token → socket
 * table, replies picked up early (while draining before a send), and the receive loop that waits
 * in epoll on the calling (engine) thread until a reply or the deadline.
 */
final class SessionCore implements AutoCloseable {

  /** A registered socket that reads what is queued on it when epoll says it is ready. */
  interface ReadySocket {
    /**
     * @param wokeAt when epoll_wait returned: the best stamp for outcomes the kernel does not
     *     timestamp (a refused connect)
     */
    void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException;
  }

  /** Largest datagram we read: echo replies can be as long as the probes (packet length). */
  private static final int RECEIVE_CAPACITY = 65_536;

  final SessionSpec spec;
  final Arena arena;
  final SocketSetup setup;
  final MessageReader reader;
  final ErrorEntryDecoder errors;
  final MemorySegment destination;
  final int destinationLength;
  private final Epoll epoll;
  private final ArrayDeque<Reply> early = new ArrayDeque<>();
  private final Map<Long, ReadySocket> sockets = new HashMap<>();
  private long nextToken = 1;
  private boolean closed;

  SessionCore(SessionSpec spec, ExtensionDecoding extensions) throws ErrnoException {
    this.spec = spec;
    this.arena = Arena.ofShared();
    try {
      this.setup = new SocketSetup(spec, arena);
      this.reader = new MessageReader(arena, RECEIVE_CAPACITY);
      this.errors = new ErrorEntryDecoder(extensions);
      this.destination = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      this.destinationLength = SockAddr.write(destination, spec.destination(), 0);
      this.epoll = new Epoll(arena);
    } catch (ErrnoException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  /** The destination with {@code port}, in {@link #destination} (overwrites the port only). */
  int destinationWithPort(int port) {
    return SockAddr.write(destination, spec.destination(), port);
  }

  /** Watches {@code fd}; events go to {@code socket} until {@link #unregister}. */
  long register(int fd, int interest, ReadySocket socket) throws ErrnoException {
    long token = nextToken++;
    epoll.add(fd, interest, token);
    sockets.put(token, socket);
    return token;
  }

  /** Forgets the token; if {@code fd} stays open, also takes it out of the epoll set. */
  void unregister(long token, int fd, boolean fdStaysOpen) {
    if (sockets.remove(token) != null && fdStaysOpen) {
      try {
        epoll.remove(fd);
      } catch (ErrnoException ignored) {
        // Already gone from the set: nothing left to undo.
      }
    }
  }

  /** A reply found while draining before a send; delivered by the next {@link #receive}. */
  void deliverLater(Reply reply) {
    early.add(reply);
  }

  /** Waits in epoll up to {@code timeoutMillis} for any registered socket; returns ready count. */
  int await(int timeoutMillis) throws ErrnoException {
    return epoll.await(timeoutMillis);
  }

  void receive(long deadline, ReplySink sink) throws NetworkException {
    LinuxNetwork.requirePlatformThread();
    CountingSink counting = new CountingSink(sink);
    while (!early.isEmpty()) {
      counting.accept(early.poll());
    }
    errors.reportDropped(counting);
    try {
      while (counting.delivered == 0) {
        long remaining = deadline - RealtimeClock.now();
        int timeout = remaining <= 0 ? 0 : (int) Math.min(60_000, (remaining + 999_999) / 1_000_000);
        int ready = epoll.await(timeout);
        long wokeAt = RealtimeClock.now();
        for (int i = 0; i < ready; i++) {
          ReadySocket socket = sockets.get(epoll.token(i));
          if (socket != null) {
            socket.onReady(epoll.events(i), wokeAt, counting);
          }
        }
        errors.reportDropped(counting);
        if (remaining <= 0) {
          return;
        }
      }
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("receiving replies", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sockets.clear();
    epoll.close();
    arena.close();
  }

  /** Counts accepted replies so that receive returns as soon as one was delivered. */
  private static final class CountingSink implements ReplySink {
    private final ReplySink sink;
    int delivered;

    CountingSink(ReplySink sink) {
      this.sink = sink;
    }

    @Override
    public void accept(Reply reply) {
      delivered++;
      sink.accept(reply);
    }

    @Override
    public void malformed(String why) {
      sink.malformed(why);
    }

    @Override
    public void foreign(String why) {
      sink.foreign(why);
    }
  }
}
