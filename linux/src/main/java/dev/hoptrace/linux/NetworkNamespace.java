package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs work inside a named network namespace ({@code ip netns add NAME}) on a fresh platform thread
 * that entered it with setns(2). Only that thread moves, and sockets it opens stay in the namespace
 * for life; the thread ends with the work, so nothing else of the process ever runs in there.
 */
public final class NetworkNamespace {
  private NetworkNamespace() {}

  /**
   * @throws ErrnoException naming open or setns when the namespace cannot be entered (no such
   *     namespace, not root)
   * @throws Exception whatever {@code work} throws
   */
  public static <T> T call(String name, Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(() -> {
      int fd = LibcFiles.open("/run/netns/" + name,
          LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC);
      try {
        LibcFiles.setns(fd, LinuxConstants.CLONE_NEWNET);
      } finally {
        Libc.closeQuietly(fd);
      }
      return work.call();
    });
    Thread thread = Thread.ofPlatform().name("netns-" + name).start(task);
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.join();
    }
  }
}
