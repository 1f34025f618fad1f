package dev.hoptrace.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as mtr's {@code HOST:} shows it (gethostname), without a DNS lookup. */
public final class LocalHostName {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private LocalHostName() {}

  /**
   * The kernel's host name, or "localhost" when it cannot be read. Not {@code
   * InetAddress.getLocalHost()}: that resolves the name and may block on DNS.
   */
  public static String get() {
    try {
      String name = Files.readString(KERNEL_HOSTNAME).strip();
      return name.isEmpty() ? "localhost" : name;
    } catch (IOException | SecurityException e) {
      return "localhost";
    }
  }
}
