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
import java.lang.invoke.MethodHandle;

/**
 * The libc calls on a process's credentials (user and group ids, capabilities, {@code prctl}
 * flags), under their C names, with {@link Libc}'s discipline: errno captured by the very call,
 * every return checked, {@link ErrnoException} naming the call.
 *
 * <p>Linux keeps credentials per thread. glibc applies {@code setgroups}, {@code setresgid} and
 * {@code setresuid} to every thread of the process (it signals each to make the same call), but
 * {@code capset} and {@code prctl} change the calling thread only, and threads it creates later
 * inherit from it (<a href="https://man7.org/linux/man-pages/man7/capabilities.7.html">
 * capabilities(7)</a>, <a href="https://man7.org/linux/man-pages/man7/nptl.7.html">nptl(7)</a>).
 */
@SuppressWarnings("restricted")
public final class LibcCredentials {
  private LibcCredentials() {}

  /** {@code _LINUX_CAPABILITY_VERSION_3}: 64-bit sets in two 32-bit halves. */
  private static final int CAPABILITY_VERSION_3 = 0x20080522;

  /** {@code struct __user_cap_header_struct { __u32 version; int pid; }}. */
  private static final StructLayout CAP_HEADER =
      MemoryLayout.structLayout(JAVA_INT.withName("version"), JAVA_INT.withName("pid"));

  /**
   * {@code struct __user_cap_data_struct { __u32 effective, permitted, inheritable; }}, twice
   * (bits 0-31, then 32-63).
   */
  private static final StructLayout CAP_DATA = MemoryLayout.structLayout(
      JAVA_INT.withName("effective"), JAVA_INT.withName("permitted"),
      JAVA_INT.withName("inheritable"));

  private static final MethodHandle CAPGET =
      Libc.errnoCall("capget", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle CAPSET =
      Libc.errnoCall("capset", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  /** {@code int prctl(int option, ...)}: every option used here takes four unsigned longs. */
  private static final MethodHandle PRCTL =
      Libc.errnoCall(
          "prctl",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
          Linker.Option.firstVariadicArg(1));
  private static final MethodHandle SETGROUPS =
      Libc.errnoCall("setgroups", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));
  private static final MethodHandle SETRESGID =
      Libc.errnoCall("setresgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle SETRESUID =
      Libc.errnoCall("setresuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle GETUID =
      Linker.nativeLinker().downcallHandle(
          Linker.nativeLinker().defaultLookup().find("getuid").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT));

  /** The calling thread's effective, permitted and inheritable sets, one bit per capability. */
  public record CapabilitySets(long effective, long permitted, long inheritable) {}

  /** <a href="https://man7.org/linux/man-pages/man2/capget.2.html">capget(2)</a> of this thread. */
  public static CapabilitySets capget() throws ErrnoException {
    MemorySegment cap = Libc.capture();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment header = header(arena);
      MemorySegment data = arena.allocate(CAP_DATA, 2);
      int r;
      try {
        r = (int) CAPGET.invokeExact(cap, header, data);
      } catch (Throwable t) {
        throw Libc.unexpected("capget", t);
      }
      if (r < 0) {
        throw new ErrnoException("capget", Libc.errno(cap));
      }
      return new CapabilitySets(join(data, 0), join(data, 4), join(data, 8));
    }
  }

  /** <a href="https://man7.org/linux/man-pages/man2/capset.2.html">capset(2)</a> of this thread. */
  public static void capset(CapabilitySets sets) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment header = header(arena);
      MemorySegment data = arena.allocate(CAP_DATA, 2);
      split(data, 0, sets.effective());
      split(data, 4, sets.permitted());
      split(data, 8, sets.inheritable());
      int r;
      try {
        r = (int) CAPSET.invokeExact(cap, header, data);
      } catch (Throwable t) {
        throw Libc.unexpected("capset", t);
      }
      if (r < 0) {
        throw new ErrnoException("capset", Libc.errno(cap));
      }
    }
  }

  /** <a href="https://man7.org/linux/man-pages/man2/prctl.2.html">prctl(2)</a>; its result. */
  public static int prctl(int option, long arg2, long arg3) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) PRCTL.invokeExact(cap, option, arg2, arg3, 0L, 0L);
    } catch (Throwable t) {
      throw Libc.unexpected("prctl", t);
    }
    if (r < 0) {
      throw new ErrnoException("prctl", Libc.errno(cap));
    }
    return r;
  }

  /** <a href="https://man7.org/linux/man-pages/man2/setgroups.2.html">setgroups(2)</a>, to none. */
  public static void clearGroups() throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) SETGROUPS.invokeExact(cap, 0L, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Libc.unexpected("setgroups", t);
    }
    if (r < 0) {
      throw new ErrnoException("setgroups", Libc.errno(cap));
    }
  }

  /** <a href="https://man7.org/linux/man-pages/man2/setresgid.2.html">setresgid(2)</a>: all three. */
  public static void setresgid(int gid) throws ErrnoException {
    idCall(SETRESGID, "setresgid", gid);
  }

  /** <a href="https://man7.org/linux/man-pages/man2/setresuid.2.html">setresuid(2)</a>: all three. */
  public static void setresuid(int uid) throws ErrnoException {
    idCall(SETRESUID, "setresuid", uid);
  }

  /** <a href="https://man7.org/linux/man-pages/man2/getuid.2.html">getuid(2)</a>; never fails. */
  public static int getuid() {
    try {
      return (int) GETUID.invokeExact();
    } catch (Throwable t) {
      throw Libc.unexpected("getuid", t);
    }
  }

  private static void idCall(MethodHandle handle, String name, int id) throws ErrnoException {
    MemorySegment cap = Libc.capture();
    int r;
    try {
      r = (int) handle.invokeExact(cap, id, id, id);
    } catch (Throwable t) {
      throw Libc.unexpected(name, t);
    }
    if (r < 0) {
      throw new ErrnoException(name, Libc.errno(cap));
    }
  }

  private static MemorySegment header(Arena arena) {
    MemorySegment header = arena.allocate(CAP_HEADER);
    header.set(JAVA_INT, 0, CAPABILITY_VERSION_3);
    header.set(JAVA_INT, 4, 0); // this thread
    return header;
  }

  /** A 64-bit set from the low half at {@code offset} and the high half 12 bytes on. */
  private static long join(MemorySegment data, long offset) {
    long low = Integer.toUnsignedLong(data.get(JAVA_INT, offset));
    long high = Integer.toUnsignedLong(data.get(JAVA_INT, offset + CAP_DATA.byteSize()));
    return high << 32 | low;
  }

  private static void split(MemorySegment data, long offset, long set) {
    data.set(JAVA_INT, offset, (int) set);
    data.set(JAVA_INT, offset + CAP_DATA.byteSize(), (int) (set >>> 32));
  }
}
