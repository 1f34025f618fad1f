package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc functions hoptrace calls, under their C names, each checked: a failing return becomes
 * an {@link ErrnoException} naming the call and carrying the errno captured by that very call.
 *
 * <p>errno is captured through {@link Linker.Option#captureCallState} into a segment owned by the
 * calling thread (never one shared static segment: concurrent failures would overwrite each other,
 * and a separate {@code __errno_location} read after the call can see a value the JVM clobbered).
 * A small per-thread scratch segment carries int-sized option values so that setting an option
 * allocates nothing. Socket calls may block, so none of them is {@code critical}.
 */
@SuppressWarnings("restricted")
public final class Libc {
  private Libc() {}

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
  private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

  /** Per-thread errno capture and scratch space; the arena frees both when the thread is gone. */
  private record PerThread(MemorySegment capture, MemorySegment scratch) {}

  private static final ThreadLocal<PerThread> PER_THREAD =
      ThreadLocal.withInitial(
          () -> {
            Arena arena = Arena.ofAuto();
            return new PerThread(arena.allocate(CAPTURE_LAYOUT), arena.allocate(64, 8));
          });

  private static final MethodHandle SOCKET =
      errnoCall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle SETSOCKOPT =
      errnoCall(
          "setsockopt",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle GETSOCKOPT =
      errnoCall(
          "getsockopt",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle BIND =
      errnoCall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle CONNECT =
      errnoCall("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle GETSOCKNAME =
      errnoCall("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle SENDTO =
      errnoCall(
          "sendto",
          FunctionDescriptor.of(
              JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle RECVMSG =
      errnoCall("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle SENDMMSG =
      errnoCall("sendmmsg", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
  private static final MethodHandle RECVMMSG =
      errnoCall(
          "recvmmsg",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle CLOSE =
      errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle EPOLL_CREATE1 =
      errnoCall("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle EPOLL_CTL =
      errnoCall(
          "epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle EPOLL_WAIT =
      errnoCall(
          "epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
  private static final MethodHandle CLOCK_GETTIME =
      errnoCall("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle GETEUID = plainCall("geteuid", FunctionDescriptor.of(JAVA_INT));
  private static final MethodHandle GETGID = plainCall("getgid", FunctionDescriptor.of(JAVA_INT));

  /** A downcall that captures errno; {@link LibcFiles} shares it, with its extra options. */
  static MethodHandle errnoCall(
      String name, FunctionDescriptor descriptor, Linker.Option... options) {
    Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
    all[options.length] = CAPTURE_ERRNO;
    return LINKER.downcallHandle(symbol(name), descriptor, all);
  }

  private static MethodHandle plainCall(String name, FunctionDescriptor descriptor) {
    return LINKER.downcallHandle(symbol(name), descriptor);
  }

  private static MemorySegment symbol(String name) {
    return LOOKUP
        .find(name)
        .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
  }

  static MemorySegment capture() {
    return PER_THREAD.get().capture();
  }

  static int errno(MemorySegment capture) {
    return (int) ERRNO.get(capture, 0L);
  }

  static AssertionError unexpected(String call, Throwable t) {
    return new AssertionError("downcall " + call + " failed in the JVM", t);
  }

  /** The module this class lives in has native access enabled (checked before any downcall). */
  public static boolean nativeAccessEnabled() {
    return Libc.class.getModule().isNativeAccessEnabled();
  }

  /** <a href="https://man7.org/linux/man-pages/man2/socket.2.html">socket(2)</a>. */
  public static int socket(int domain, int type, int protocol) throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) SOCKET.invokeExact(cap, domain, type, protocol);
    } catch (Throwable t) {
      throw unexpected("socket", t);
    }
    if (r < 0) {
      throw new ErrnoException("socket", errno(cap));
    }
    return r;
  }

  /** <a href="https://man7.org/linux/man-pages/man2/setsockopt.2.html">setsockopt(2)</a>. */
  public static void setsockopt(int fd, int level, int name, MemorySegment value, int length)
      throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) SETSOCKOPT.invokeExact(cap, fd, level, name, value, length);
    } catch (Throwable t) {
      throw unexpected("setsockopt", t);
    }
    if (r < 0) {
      throw new ErrnoException("setsockopt", errno(cap));
    }
  }

  /** setsockopt(2) with an {@code int} value, the shape of most options. */
  public static void setsockopt(int fd, int level, int name, int value) throws ErrnoException {
    MemorySegment scratch = PER_THREAD.get().scratch();
    scratch.set(JAVA_INT, 0, value);
    setsockopt(fd, level, name, scratch, 4);
  }

  /** <a href="https://man7.org/linux/man-pages/man2/getsockopt.2.html">getsockopt(2)</a>. */
  public static int getsockopt(int fd, int level, int name, MemorySegment value)
      throws ErrnoException {
    MemorySegment scratch = PER_THREAD.get().scratch();
    scratch.set(JAVA_INT, 0, (int) value.byteSize());
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) GETSOCKOPT.invokeExact(cap, fd, level, name, value, scratch);
    } catch (Throwable t) {
      throw unexpected("getsockopt", t);
    }
    if (r < 0) {
      throw new ErrnoException("getsockopt", errno(cap));
    }
    return scratch.get(JAVA_INT, 0);
  }

  /** getsockopt(2) for an {@code int} option, e.g. {@code SO_ERROR}. */
  public static int getsockoptInt(int fd, int level, int name) throws ErrnoException {
    MemorySegment scratch = PER_THREAD.get().scratch();
    MemorySegment value = scratch.asSlice(8, 4);
    scratch.set(JAVA_INT, 0, 4);
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) GETSOCKOPT.invokeExact(cap, fd, level, name, value, scratch.asSlice(0, 4));
    } catch (Throwable t) {
      throw unexpected("getsockopt", t);
    }
    if (r < 0) {
      throw new ErrnoException("getsockopt", errno(cap));
    }
    return value.get(JAVA_INT, 0);
  }

  /** <a href="https://man7.org/linux/man-pages/man2/bind.2.html">bind(2)</a>. */
  public static void bind(int fd, MemorySegment address, int length) throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) BIND.invokeExact(cap, fd, address, length);
    } catch (Throwable t) {
      throw unexpected("bind", t);
    }
    if (r < 0) {
      throw new ErrnoException("bind", errno(cap));
    }
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/connect.2.html">connect(2)</a>.
   *
   * @return true when connected at once, false for {@code EINPROGRESS} on a non-blocking socket
   */
  public static boolean connect(int fd, MemorySegment address, int length) throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) CONNECT.invokeExact(cap, fd, address, length);
    } catch (Throwable t) {
      throw unexpected("connect", t);
    }
    if (r < 0) {
      int errno = errno(cap);
      if (errno == LinuxConstants.EINPROGRESS) {
        return false;
      }
      throw new ErrnoException("connect", errno);
    }
    return true;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/getsockname.2.html">getsockname(2)</a>.
   *
   * @return the length of the address written into {@code address}
   */
  public static int getsockname(int fd, MemorySegment address) throws ErrnoException {
    MemorySegment scratch = PER_THREAD.get().scratch();
    scratch.set(JAVA_INT, 0, (int) address.byteSize());
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) GETSOCKNAME.invokeExact(cap, fd, address, scratch);
    } catch (Throwable t) {
      throw unexpected("getsockname", t);
    }
    if (r < 0) {
      throw new ErrnoException("getsockname", errno(cap));
    }
    return scratch.get(JAVA_INT, 0);
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/sendto.2.html">sendto(2)</a>; pass {@link
   * MemorySegment#NULL} and 0 as destination on a connected socket.
   */
  public static long sendto(
      int fd, MemorySegment buffer, long length, int flags, MemorySegment dest, int destLength)
      throws ErrnoException {
    MemorySegment cap = capture();
    long r;
    try {
      r = (long) SENDTO.invokeExact(cap, fd, buffer, length, flags, dest, destLength);
    } catch (Throwable t) {
      throw unexpected("sendto", t);
    }
    if (r < 0) {
      throw new ErrnoException("sendto", errno(cap));
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/recvmsg.2.html">recvmsg(2)</a> for a
   * non-blocking read.
   *
   * @return the byte count, or -1 when nothing is queued ({@code EAGAIN}), which is the normal end
   *     of a drain and therefore not an exception
   */
  public static long recvmsg(int fd, MemorySegment msghdr, int flags) throws ErrnoException {
    MemorySegment cap = capture();
    long r;
    try {
      r = (long) RECVMSG.invokeExact(cap, fd, msghdr, flags);
    } catch (Throwable t) {
      throw unexpected("recvmsg", t);
    }
    if (r < 0) {
      int errno = errno(cap);
      if (errno == LinuxConstants.EAGAIN) {
        return -1;
      }
      throw new ErrnoException("recvmsg", errno);
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/sendmmsg.2.html">sendmmsg(2)</a>: sends up to
   * {@code count} messages of an {@code mmsghdr} array in one call. A failure is returned, not
   * thrown: on a busy probe socket every other call may meet a pending asynchronous error, and an
   * exception each time would be garbage on the hot path.
   *
   * @return how many were sent, or {@code -errno} when the first message failed
   */
  public static int sendmmsg(int fd, MemorySegment vector, int count, int flags) {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) SENDMMSG.invokeExact(cap, fd, vector, count, flags);
    } catch (Throwable t) {
      throw unexpected("sendmmsg", t);
    }
    return r < 0 ? -errno(cap) : r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/recvmmsg.2.html">recvmmsg(2)</a> without a
   * timeout; pass {@link LinuxConstants#MSG_DONTWAIT} to read only what is queued. Like {@link
   * #sendmmsg}, a failure is returned, not thrown.
   *
   * @return how many messages were read, or {@code -errno} ({@code -EAGAIN}: nothing queued)
   */
  public static int recvmmsg(int fd, MemorySegment vector, int count, int flags) {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) RECVMMSG.invokeExact(cap, fd, vector, count, flags, MemorySegment.NULL);
    } catch (Throwable t) {
      throw unexpected("recvmmsg", t);
    }
    return r < 0 ? -errno(cap) : r;
  }

  /** <a href="https://man7.org/linux/man-pages/man2/close.2.html">close(2)</a>. */
  public static void close(int fd) throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) CLOSE.invokeExact(cap, fd);
    } catch (Throwable t) {
      throw unexpected("close", t);
    }
    if (r < 0) {
      throw new ErrnoException("close", errno(cap));
    }
  }

  /** <a href="https://man7.org/linux/man-pages/man2/epoll_create1.2.html">epoll_create1(2)</a>. */
  public static int epoll_create1(int flags) throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) EPOLL_CREATE1.invokeExact(cap, flags);
    } catch (Throwable t) {
      throw unexpected("epoll_create1", t);
    }
    if (r < 0) {
      throw new ErrnoException("epoll_create1", errno(cap));
    }
    return r;
  }

  /** <a href="https://man7.org/linux/man-pages/man2/epoll_ctl.2.html">epoll_ctl(2)</a>. */
  public static void epoll_ctl(int epfd, int op, int fd, MemorySegment event)
      throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) EPOLL_CTL.invokeExact(cap, epfd, op, fd, event);
    } catch (Throwable t) {
      throw unexpected("epoll_ctl", t);
    }
    if (r < 0) {
      throw new ErrnoException("epoll_ctl", errno(cap));
    }
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/epoll_wait.2.html">epoll_wait(2)</a>.
   *
   * @return the number of ready events, 0 on timeout or when interrupted by a signal ({@code
   *     EINTR}: the caller recomputes its timeout and waits again)
   */
  public static int epoll_wait(int epfd, MemorySegment events, int maxEvents, int timeoutMillis)
      throws ErrnoException {
    MemorySegment cap = capture();
    int r;
    try {
      r = (int) EPOLL_WAIT.invokeExact(cap, epfd, events, maxEvents, timeoutMillis);
    } catch (Throwable t) {
      throw unexpected("epoll_wait", t);
    }
    if (r < 0) {
      int errno = errno(cap);
      if (errno == LinuxConstants.EINTR) {
        return 0;
      }
      throw new ErrnoException("epoll_wait", errno);
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/clock_gettime.2.html">clock_gettime(2)</a>,
   * in nanoseconds. A failure here means a broken libc, so it is an error, not an exception.
   */
  public static long clock_gettime(int clock) {
    PerThread t = PER_THREAD.get();
    MemorySegment ts = t.scratch().asSlice(16, Timespec.LAYOUT.byteSize());
    int r;
    try {
      r = (int) CLOCK_GETTIME.invokeExact(t.capture(), clock, ts);
    } catch (Throwable e) {
      throw unexpected("clock_gettime", e);
    }
    if (r < 0) {
      throw new IllegalStateException(
          "clock_gettime(" + clock + "): " + ErrnoException.describe(errno(t.capture())));
    }
    return Timespec.nanos(ts);
  }

  /** <a href="https://man7.org/linux/man-pages/man2/geteuid.2.html">geteuid(2)</a>; never fails. */
  public static int geteuid() {
    try {
      return (int) GETEUID.invokeExact();
    } catch (Throwable t) {
      throw unexpected("geteuid", t);
    }
  }

  /** <a href="https://man7.org/linux/man-pages/man2/getgid.2.html">getgid(2)</a>; never fails. */
  public static int getgid() {
    try {
      return (int) GETGID.invokeExact();
    } catch (Throwable t) {
      throw unexpected("getgid", t);
    }
  }

  /** close(2) for cleanup paths, where a failure must not hide the original error. */
  public static void closeQuietly(int fd) {
    if (fd >= 0) {
      try {
        close(fd);
      } catch (ErrnoException ignored) {
        // Nothing useful to do: the descriptor is gone either way (close(2), NOTES).
      }
    }
  }
}
