package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * An array of {@code struct mmsghdr} for {@code sendmmsg} / {@code recvmmsg} (<a
 * href="https://man7.org/linux/man-pages/man2/recvmmsg.2.html">recvmmsg(2)</a>), each message with
 * one {@code iovec} and its own name, control and data buffers, all made once in one arena so that
 * a batch costs no allocation. Accessors take the message index.
 */
public final class MessageVector {
  /** {@code struct mmsghdr}: a {@code msghdr} and the byte count the kernel writes back. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          MsgHdr.LAYOUT.withName("msg_hdr"),
          JAVA_INT.withName("msg_len"),
          MemoryLayout.paddingLayout(4));

  private static final long SIZE = LAYOUT.byteSize();
  private static final long NAME = 0;
  private static final long NAMELEN = 8;
  private static final long IOV = 16;
  private static final long IOVLEN = 24;
  private static final long CONTROL = 32;
  private static final long CONTROLLEN = 40;
  private static final long FLAGS = 48;
  private static final long LEN = 56;
  private static final long IOVEC = MsgHdr.IOVEC_LAYOUT.byteSize();

  private final int count;
  private final int dataCapacity;
  private final int controlCapacity;
  private final MemorySegment vector;
  private final MemorySegment iovecs;
  private final MemorySegment names;
  private final MemorySegment controls;
  private final MemorySegment data;
  /** The vector from each message on, made once: a partial batch continues without allocating. */
  private final MemorySegment[] tails;

  public MessageVector(Arena arena, int count, int dataCapacity, int controlCapacity) {
    this.count = count;
    this.dataCapacity = dataCapacity;
    this.controlCapacity = controlCapacity;
    vector = arena.allocate(SIZE * count, 8);
    iovecs = arena.allocate(IOVEC * count, 8);
    names = arena.allocate((long) SockAddr.STORAGE_SIZE * count, 8);
    controls = arena.allocate((long) Math.max(8, controlCapacity) * count, 8);
    data = arena.allocate((long) dataCapacity * count, 8);
    tails = new MemorySegment[count];
    for (int i = 0; i < count; i++) {
      long m = SIZE * i;
      vector.set(ADDRESS, m + NAME, names.asSlice((long) SockAddr.STORAGE_SIZE * i));
      vector.set(ADDRESS, m + IOV, iovecs.asSlice(IOVEC * i));
      vector.set(JAVA_LONG, m + IOVLEN, 1);
      vector.set(ADDRESS, m + CONTROL, controls.asSlice((long) Math.max(8, controlCapacity) * i));
      iovecs.set(ADDRESS, IOVEC * i, data.asSlice((long) dataCapacity * i));
      tails[i] = vector.asSlice(m);
    }
  }

  public MemorySegment segment() {
    return vector;
  }

  public int count() {
    return count;
  }

  /** The vector from message {@code from} on, for a call that continues a partial batch. */
  public MemorySegment from(int from) {
    return tails[from];
  }

  /** Restores the in/out lengths of every message before a {@code recvmmsg}. */
  public void prepareForReceive(int messages) {
    for (int i = 0; i < messages; i++) {
      long m = SIZE * i;
      vector.set(JAVA_INT, m + NAMELEN, SockAddr.STORAGE_SIZE);
      vector.set(JAVA_LONG, m + CONTROLLEN, controlCapacity);
      vector.set(JAVA_INT, m + FLAGS, 0);
      vector.set(JAVA_INT, m + LEN, 0);
      iovecs.set(JAVA_LONG, IOVEC * i + 8, dataCapacity);
    }
  }

  /** Sets message {@code i} for sending: name length, data length and control length. */
  public void prepareForSend(int i, int nameLength, int dataLength, int controlLength) {
    long m = SIZE * i;
    vector.set(JAVA_INT, m + NAMELEN, nameLength);
    // The control pointer stays; a length of 0 means none (sendmsg(2) reads no control).
    vector.set(JAVA_LONG, m + CONTROLLEN, controlLength);
    vector.set(JAVA_INT, m + FLAGS, 0);
    iovecs.set(JAVA_LONG, IOVEC * i + 8, dataLength);
  }

  /** Where message {@code i}'s name starts in {@link #names()}. */
  public long nameOffset(int i) {
    return (long) SockAddr.STORAGE_SIZE * i;
  }

  public int nameLength(int i) {
    return vector.get(JAVA_INT, SIZE * i + NAMELEN);
  }

  /** Where message {@code i}'s control buffer starts in {@link #controls()}. */
  public long controlOffset(int i) {
    return (long) Math.max(8, controlCapacity) * i;
  }

  /** Control bytes the kernel wrote for a received message. */
  public long controlLength(int i) {
    return vector.get(JAVA_LONG, SIZE * i + CONTROLLEN);
  }

  public int flags(int i) {
    return vector.get(JAVA_INT, SIZE * i + FLAGS);
  }

  /** Bytes received into message {@code i}'s data ({@code msg_len}). */
  public int length(int i) {
    return vector.get(JAVA_INT, SIZE * i + LEN);
  }

  /** Copies {@code length} bytes of {@code from} into message {@code i}'s data buffer. */
  public void putData(int i, byte[] from, int offset, int length) {
    MemorySegment.copy(from, offset, data, JAVA_BYTE, (long) dataCapacity * i, length);
  }

  /** Copies up to {@code to.length} received bytes of message {@code i} into {@code to}. */
  public int getData(int i, byte[] to) {
    int n = Math.min(Math.min(length(i), dataCapacity), to.length);
    MemorySegment.copy(data, JAVA_BYTE, (long) dataCapacity * i, to, 0, n);
    return n;
  }

  /** Every message's name buffer, {@link SockAddr#STORAGE_SIZE} bytes apart. */
  public MemorySegment names() {
    return names;
  }

  /** Every message's control buffer. */
  public MemorySegment controls() {
    return controls;
  }
}
