package dev.hoptrace.lab.emulator;

import dev.hoptrace.lab.Commands;
import dev.hoptrace.lab.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Empty network namespaces for emulator tests and benchmarks, named {@code hte<pid>-<tag>} (a
 * prefix the lab's own sweep does not touch). Removed by {@link #close()}, by a shutdown hook if
 * the JVM exits first, and on the next run if the owning process is gone.
 */
public final class ScratchNamespaces implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("hte(\\d+)-[a-z0-9]+");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final List<String> names = new ArrayList<>();
  private final Thread hook = new Thread(this::deleteAll, "hoptrace-emulator-ns-teardown");

  /** Skips the calling test, visibly, when not root. */
  public static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      Assumptions.abort("SKIPPED: link emulator tests need root to create namespaces and TUN "
          + "devices; run them as root (CI does) to include them");
    }
  }

  public ScratchNamespaces() {
    sweepStale();
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Creates namespace {@code hte<pid>-<tag>} with its loopback up; returns its name. */
  public String create(String tag) {
    String name = "hte" + ProcessHandle.current().pid() + "-" + tag;
    names.add(name);
    ip("netns", "add", name).orThrow();
    ip("-n", name, "link", "set", "lo", "up").orThrow();
    return name;
  }

  /** Runs {@code ip ARGS...}. */
  public static ExecResult ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    return Commands.run(command, TIMEOUT);
  }

  /** Runs {@code command} inside {@code namespace}. */
  public static ExecResult exec(String namespace, Duration timeout, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(List.of(command));
    return Commands.run(full, timeout);
  }

  @Override
  public void close() {
    deleteAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }

  private synchronized void deleteAll() {
    for (String name : names) {
      ip("netns", "delete", name);
    }
    names.clear();
  }

  private static void sweepStale() {
    ExecResult list = ip("netns", "list");
    for (String line : list.stdout().split("\n")) {
      String name = line.strip().split(" ")[0];
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(m.group(1)));
        if (owner.isEmpty() || !owner.get().isAlive()) {
          ip("netns", "delete", name);
        }
      }
    }
  }
}
