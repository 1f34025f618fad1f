package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * Classic BPF: {@code struct sock_filter} instructions and the {@code struct sock_fprog} that
 * {@code SO_ATTACH_FILTER} takes (<a
 * href="https://man7.org/linux/man-pages/man7/socket.7.html">socket(7)</a>,
 * Documentation/networking/filter.rst).
 */
public final class SockFilter {
  private SockFilter() {}

  public static final StructLayout INSTRUCTION_LAYOUT =
      MemoryLayout.structLayout(
          JAVA_SHORT.withName("code"),
          JAVA_BYTE.withName("jt"),
          JAVA_BYTE.withName("jf"),
          JAVA_INT.withName("k"));

  public static final StructLayout PROGRAM_LAYOUT =
      MemoryLayout.structLayout(
          JAVA_SHORT.withName("len"), MemoryLayout.paddingLayout(6), ADDRESS.withName("filter"));

  private static final long CODE = INSTRUCTION_LAYOUT.byteOffset(groupElement("code"));
  private static final long JT = INSTRUCTION_LAYOUT.byteOffset(groupElement("jt"));
  private static final long JF = INSTRUCTION_LAYOUT.byteOffset(groupElement("jf"));
  private static final long K = INSTRUCTION_LAYOUT.byteOffset(groupElement("k"));
  private static final long LEN = PROGRAM_LAYOUT.byteOffset(groupElement("len"));
  private static final long FILTER = PROGRAM_LAYOUT.byteOffset(groupElement("filter"));

  /** One instruction: opcode, jump-if-true, jump-if-false, constant. */
  public record Insn(int code, int jt, int jf, int k) {
    public Insn {
      if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
        throw new IllegalArgumentException("BPF jumps are 0..255: " + jt + "/" + jf);
      }
    }
  }

  /** Lays out {@code program} as a {@code sock_fprog} (and its instructions) in {@code arena}. */
  public static MemorySegment program(Arena arena, List<Insn> program) {
    MemorySegment insns = arena.allocate(INSTRUCTION_LAYOUT, program.size());
    for (int i = 0; i < program.size(); i++) {
      Insn in = program.get(i);
      long base = i * INSTRUCTION_LAYOUT.byteSize();
      insns.set(JAVA_SHORT, base + CODE, (short) in.code());
      insns.set(JAVA_BYTE, base + JT, (byte) in.jt());
      insns.set(JAVA_BYTE, base + JF, (byte) in.jf());
      insns.set(JAVA_INT, base + K, in.k());
    }
    MemorySegment fprog = arena.allocate(PROGRAM_LAYOUT);
    fprog.set(JAVA_SHORT, LEN, (short) program.size());
    fprog.set(ADDRESS, FILTER, insns);
    return fprog;
  }
}
