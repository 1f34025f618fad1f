package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.EpollEvent;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One epoll instance of a session: sockets are registered with a 64-bit token (never the fd, which
 * the kernel reuses as soon as a released probe socket is closed), level-triggered.
 */
final class Epoll implements AutoCloseable {
  static final int MAX_EVENTS = 64;

  private final int epfd;
  private final MemorySegment events;
  private final MemorySegment request;

  Epoll(Arena arena) throws ErrnoException {
    epfd = Libc.epoll_create1(LinuxConstants.EPOLL_CLOEXEC);
    events = arena.allocate(EpollEvent.LAYOUT, MAX_EVENTS);
    request = arena.allocate(EpollEvent.LAYOUT);
  }

  /** Watches {@code fd} for {@code interest}; EPOLLERR and EPOLLHUP are always reported. */
  void add(int fd, int interest, long token) throws ErrnoException {
    EpollEvent.set(request, 0, interest, token);
    Libc.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_ADD, fd, request);
  }

  /** Stops watching {@code fd} (a closed fd leaves the set by itself). */
  void remove(int fd) throws ErrnoException {
    Libc.epoll_ctl(epfd, LinuxConstants.EPOLL_CTL_DEL, fd, request);
  }

  /** Waits up to {@code timeoutMillis} (0 = just look); returns how many events are ready. */
  int await(int timeoutMillis) throws ErrnoException {
    return Libc.epoll_wait(epfd, events, MAX_EVENTS, timeoutMillis);
  }

  int events(int index) {
    return EpollEvent.events(events, index);
  }

  long token(int index) {
    return EpollEvent.data(events, index);
  }

  @Override
  public void close() {
    Libc.closeQuietly(epfd);
  }
}
