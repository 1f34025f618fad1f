package dev.hoptrace.lab.emulator;

import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs code on a fresh platform thread that has entered a named network namespace with setns(2).
 * Only that thread moves; sockets it creates stay in the namespace for life. The thread ends with
 * the task, so it never carries the namespace into other work.
 */
final class InNamespace {
  private InNamespace() {}

  static <T> T call(String namespace, Callable<T> task) throws Exception {
    FutureTask<T> future = new FutureTask<>(() -> {
      int fd = LibcFiles.open("/run/netns/" + namespace,
          LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC);
      try {
        LibcFiles.setns(fd, LinuxConstants.CLONE_NEWNET);
      } finally {
        Libc.close(fd);
      }
      return task.call();
    });
    Thread thread = Thread.ofPlatform().name("in-" + namespace).start(future);
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      thread.join();
    }
  }
}
