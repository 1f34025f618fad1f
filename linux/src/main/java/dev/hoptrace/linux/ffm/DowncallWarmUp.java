package dev.hoptrace.linux.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Calls every socket downcall once on an invalid descriptor before the first probe. The first call
 * through a downcall handle links and compiles it, which takes up to a few milliseconds; when that
 * happens between reading a send time and the send, it lands in the first probe's RTT.
 */
public final class DowncallWarmUp {
  private static volatile boolean done;

  private DowncallWarmUp() {}

  public static void run() {
    if (done) {
      return;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocate(256, 8);
      for (int round = 0; round < 3; round++) {
        expectFailure(() -> Libc.sendto(-1, buffer, 1, 0, MemorySegment.NULL, 0));
        expectFailure(() -> Libc.recvmsg(-1, buffer, 0));
        expectFailure(() -> Libc.connect(-1, buffer, 16));
        expectFailure(() -> Libc.bind(-1, buffer, 16));
        expectFailure(() -> Libc.setsockopt(-1, 0, 0, 0));
        expectFailure(() -> Libc.getsockoptInt(-1, 0, 0));
        expectFailure(() -> Libc.getsockname(-1, buffer));
        expectFailure(() -> Libc.epoll_ctl(-1, 1, -1, buffer));
        expectFailure(() -> Libc.epoll_wait(-1, buffer, 1, 0));
        expectFailure(() -> Libc.close(-1));
        Libc.clock_gettime(LinuxConstants.CLOCK_REALTIME);
      }
    }
    done = true;
  }

  private interface Call {
    void run() throws ErrnoException;
  }

  private static void expectFailure(Call call) {
    try {
      call.run();
    } catch (ErrnoException expected) {
      // EBADF: the call went all the way to the kernel, which is all this is for
    }
  }
}
