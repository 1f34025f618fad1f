package dev.hoptrace.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A throw-away network namespace for root-only tests (created with ip-netns(8), deleted on close).
 * Work runs on a fresh platform thread that joined the namespace with setns(2), which moves only
 * the calling thread; the rest of the JVM stays where it was.
 */
@SuppressWarnings("restricted")
final class NetNamespace implements AutoCloseable {
  private static final int CLONE_NEWNET = 0x40000000;
  private static final Linker LINKER = Linker.nativeLinker();
  private static final MethodHandle OPEN =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("open").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
          Linker.Option.firstVariadicArg(2));
  private static final MethodHandle SETNS =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("setns").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));

  final String name;

  NetNamespace(String name) throws IOException, InterruptedException {
    this.name = name;
    run("ip", "netns", "add", name);
    run("ip", "-n", name, "link", "set", "lo", "up");
  }

  void exec(String... command) throws IOException, InterruptedException {
    String[] full = new String[command.length + 4];
    full[0] = "ip";
    full[1] = "netns";
    full[2] = "exec";
    full[3] = name;
    System.arraycopy(command, 0, full, 4, command.length);
    run(full);
  }

  <T> T call(Callable<T> work) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    enter();
                    result.set(work.call());
                  } catch (Throwable e) {
                    result.set(e);
                  }
                });
    t.join();
    Object r = result.get();
    if (r instanceof Exception e) {
      throw e;
    }
    if (r instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T value = (T) r;
    return value;
  }

  private void enter() throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      int fd = (int) OPEN.invokeExact(arena.allocateFrom("/run/netns/" + name), 0x80000);
      if (fd < 0) {
        throw new IllegalStateException("open /run/netns/" + name + " failed");
      }
      int r = (int) SETNS.invokeExact(fd, CLONE_NEWNET);
      if (r != 0) {
        throw new IllegalStateException("setns failed");
      }
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      run("ip", "netns", "del", name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted deleting namespace " + name, e);
    }
  }
}
