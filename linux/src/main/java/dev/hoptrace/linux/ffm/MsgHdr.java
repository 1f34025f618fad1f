package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * A {@code struct msghdr} with one {@code iovec} and its own name, control and data buffers, made
 * once and reused for every {@code recvmsg} (<a
 * href="https://man7.org/linux/man-pages/man2/recvmsg.2.html">recvmsg(2)</a>).
 */
public final class MsgHdr {

  public static final StructLayout IOVEC_LAYOUT =
      MemoryLayout.structLayout(ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len"));

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          ADDRESS.withName("msg_name"),
          JAVA_INT.withName("msg_namelen"),
          MemoryLayout.paddingLayout(4),
          ADDRESS.withName("msg_iov"),
          JAVA_LONG.withName("msg_iovlen"),
          ADDRESS.withName("msg_control"),
          JAVA_LONG.withName("msg_controllen"),
          JAVA_INT.withName("msg_flags"),
          MemoryLayout.paddingLayout(4));

  /** Room for every cmsg an error-queue entry carries (136 bytes seen) with margin. */
  public static final int CONTROL_SIZE = 512;

  private static final long NAME = LAYOUT.byteOffset(groupElement("msg_name"));
  private static final long NAMELEN = LAYOUT.byteOffset(groupElement("msg_namelen"));
  private static final long IOV = LAYOUT.byteOffset(groupElement("msg_iov"));
  private static final long IOVLEN = LAYOUT.byteOffset(groupElement("msg_iovlen"));
  private static final long CONTROL = LAYOUT.byteOffset(groupElement("msg_control"));
  private static final long CONTROLLEN = LAYOUT.byteOffset(groupElement("msg_controllen"));
  private static final long FLAGS = LAYOUT.byteOffset(groupElement("msg_flags"));
  private static final long IOV_BASE = IOVEC_LAYOUT.byteOffset(groupElement("iov_base"));
  private static final long IOV_LEN = IOVEC_LAYOUT.byteOffset(groupElement("iov_len"));

  private final MemorySegment msghdr;
  private final MemorySegment iovec;
  private final MemorySegment name;
  private final MemorySegment control;
  private final MemorySegment data;

  public MsgHdr(Arena arena, int dataCapacity) {
    msghdr = arena.allocate(LAYOUT);
    iovec = arena.allocate(IOVEC_LAYOUT);
    name = arena.allocate(SockAddr.STORAGE_SIZE, 8);
    control = arena.allocate(CONTROL_SIZE, 8);
    data = arena.allocate(dataCapacity, 8);
    msghdr.set(ADDRESS, NAME, name);
    msghdr.set(ADDRESS, IOV, iovec);
    msghdr.set(JAVA_LONG, IOVLEN, 1);
    msghdr.set(ADDRESS, CONTROL, control);
    iovec.set(ADDRESS, IOV_BASE, data);
  }

  /** Restores the in/out lengths the kernel overwrote, as every recvmsg needs. */
  public MemorySegment prepareForReceive() {
    msghdr.set(JAVA_INT, NAMELEN, SockAddr.STORAGE_SIZE);
    msghdr.set(JAVA_LONG, CONTROLLEN, CONTROL_SIZE);
    msghdr.set(JAVA_INT, FLAGS, 0);
    iovec.set(JAVA_LONG, IOV_LEN, data.byteSize());
    return msghdr;
  }

  public MemorySegment name() {
    return name;
  }

  public int nameLength() {
    return msghdr.get(JAVA_INT, NAMELEN);
  }

  public MemorySegment control() {
    return control;
  }

  public long controlLength() {
    return msghdr.get(JAVA_LONG, CONTROLLEN);
  }

  public int flags() {
    return msghdr.get(JAVA_INT, FLAGS);
  }

  public MemorySegment data() {
    return data;
  }
}
