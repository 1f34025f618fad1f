package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;

/**
 * Run by {@link UnprivilegedUserTest} in a JVM whose uid is nobody: prints what RAW and AUTO
 * sessions turn into, and what giving up privileges does to a plain user, one line each, for the
 * parent test to check.
 */
public final class AsNobodyMain {
  private AsNobodyMain() {}

  public static void main(String[] args) throws Exception {
    try (ProbeSession s =
        new LinuxNetwork().open(Loopback.spec("127.0.0.1", Protocol.UDP, ProbeMode.RAW))) {
      System.out.println("RAW opened " + s.info().mode());
    } catch (NetworkException e) {
      System.out.println("RAW " + e.reason() + " " + e.getMessage());
    }
    try (ProbeSession s =
        new LinuxNetwork().open(Loopback.spec("127.0.0.1", Protocol.UDP, ProbeMode.AUTO))) {
      System.out.println("AUTO opened " + s.info().mode());
    }
    // A plain user has nothing to give up: the drop changes nothing, not even no_new_privs.
    PrivilegeDrop.Left left = new PrivilegeDrop(java.util.Map.of("SUDO_UID", "1", "SUDO_GID", "1"))
        .keepOnlyRawSockets();
    String noNewPrivs = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "/proc/thread-self/status")).stream().filter(l -> l.startsWith("NoNewPrivs:"))
        .findFirst().orElse("?").replaceAll("\\s+", " ");
    System.out.println("DROP uid " + left.uid() + " effective " + left.effective() + " permitted "
        + left.permitted() + ", " + noNewPrivs);
  }
}
