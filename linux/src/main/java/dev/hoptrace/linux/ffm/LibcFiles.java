package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls on files, devices and namespaces ({@code /dev/net/tun}, {@code
 * /run/netns/NAME}), under their C names: the companion of {@link Libc}, which covers sockets, with
 * the same discipline (errno captured by the very call, every return checked, {@link
 * ErrnoException} naming the call). {@code close} is {@link Libc#close}.
 *
 * <p>{@code open} and {@code ioctl} are variadic in C. Their handles say where the variadic part
 * starts ({@link Linker.Option#firstVariadicArg}): on x86_64 a variadic call must also pass the
 * number of vector registers used in {@code %al}, and the linker only does that when told.
 */
@SuppressWarnings("restricted")
public final class LibcFiles {
  private LibcFiles() {}

  /** {@code int open(const char *path, int flags, ... mode_t mode)}. */
  private static final MethodHandle OPEN =
      Libc.errnoCall(
          "open",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
          Linker.Option.firstVariadicArg(2));
  /** {@code int ioctl(int fd, unsigned long request, ... void *argp)}. */
  private static final MethodHandle IOCTL =
      Libc.errnoCall(
          "ioctl",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
          Linker.Option.firstVariadicArg(2));
  private static final MethodHandle READ =
      Libc.errnoCall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
  private static final MethodHandle WRITE =
      Libc.errnoCall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
  private static final MethodHandle PPOLL =
      Libc.errnoCall(
          "ppoll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
  private static final MethodHandle SETNS =
      Libc.errnoCall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

  /**
   * <a href="https://man7.org/linux/man-pages/man2/open.2.html">open(2)</a> without {@code
   * O_CREAT}, so the mode is passed as 0 and ignored.
   */
  public static int open(String path, int flags) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try (Arena arena = Arena.ofConfined()) {
      r = (int) OPEN.invokeExact(cap, arena.allocateFrom(path), flags, 0);
    } catch (Throwable t) {
      throw Libc.unexpected("open", t);
    }
    if (r < 0) {
      throw new ErrnoException("open", Libc.errno(cap));
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/ioctl.2.html">ioctl(2)</a> with a pointer
   * argument, e.g. {@code TUNSETIFF} and a {@link IfReq}.
   */
  public static int ioctl(int fd, long request, MemorySegment argument) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) IOCTL.invokeExact(cap, fd, request, argument);
    } catch (Throwable t) {
      throw Libc.unexpected("ioctl", t);
    }
    if (r < 0) {
      throw new ErrnoException("ioctl", Libc.errno(cap));
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/read.2.html">read(2)</a>; on a TUN device one
   * call returns one whole packet.
   *
   * @return the byte count, or -1 when nothing is ready on a non-blocking descriptor ({@code
   *     EAGAIN}), the normal end of a drain
   */
  public static long read(int fd, MemorySegment buffer, long count) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    long r;
    try {
      r = (long) READ.invokeExact(cap, fd, buffer, count);
    } catch (Throwable t) {
      throw Libc.unexpected("read", t);
    }
    if (r < 0) {
      int errno = Libc.errno(cap);
      if (errno == LinuxConstants.EAGAIN) {
        return -1;
      }
      throw new ErrnoException("read", errno);
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/write.2.html">write(2)</a>; on a TUN device one
   * call injects one whole packet.
   *
   * @return the byte count, or -1 when a non-blocking descriptor cannot take it now ({@code
   *     EAGAIN})
   */
  public static long write(int fd, MemorySegment buffer, long count) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    long r;
    try {
      r = (long) WRITE.invokeExact(cap, fd, buffer, count);
    } catch (Throwable t) {
      throw Libc.unexpected("write", t);
    }
    if (r < 0) {
      int errno = Libc.errno(cap);
      if (errno == LinuxConstants.EAGAIN) {
        return -1;
      }
      throw new ErrnoException("write", errno);
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/ppoll.2.html">ppoll(2)</a> with a nanosecond
   * timeout (plain poll(2) rounds to milliseconds, too coarse for a delay line) and no signal
   * mask.
   *
   * @param fds an array of {@link PollFd}
   * @param timeout a {@link Timespec}, or {@link MemorySegment#NULL} to wait without limit
   * @return the number of entries with events, 0 on timeout or on {@code EINTR} (the caller
   *     recomputes its timeout and waits again)
   */
  public static int ppoll(MemorySegment fds, int count, MemorySegment timeout)
      throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) PPOLL.invokeExact(cap, fds, (long) count, timeout, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Libc.unexpected("ppoll", t);
    }
    if (r < 0) {
      int errno = Libc.errno(cap);
      if (errno == LinuxConstants.EINTR) {
        return 0;
      }
      throw new ErrnoException("ppoll", errno);
    }
    return r;
  }

  /**
   * <a href="https://man7.org/linux/man-pages/man2/setns.2.html">setns(2)</a>: moves the calling
   * thread (only it) into the namespace {@code fd} refers to. Sockets it creates afterwards belong
   * to that namespace for their whole life, wherever they are used from.
   */
  public static void setns(int fd, int namespaceType) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) SETNS.invokeExact(cap, fd, namespaceType);
    } catch (Throwable t) {
      throw Libc.unexpected("setns", t);
    }
    if (r < 0) {
      throw new ErrnoException("setns", Libc.errno(cap));
    }
  }
}
