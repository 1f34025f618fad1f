package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains an {@code EACCES} from a ping socket: the gid is outside {@code
 * net.ipv4.ping_group_range} (which gates ICMPv6 ping sockets too, and is per network namespace).
 */
final class PingGroupRange {
  private PingGroupRange() {}

  private static final Path SYSCTL = Path.of("/proc/sys/net/ipv4/ping_group_range");

  static String current() {
    try {
      // Files.readString stops after the first field of this procfs file (JDK 25); readAllLines does not.
      return String.join(" ", Files.readAllLines(SYSCTL)).trim().replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String refusal() {
    return "cannot open an ICMP ping socket: net.ipv4.ping_group_range is '" + current()
        + "', which does not include your gid " + Libc.getgid()
        + "; allow it with sysctl -w net.ipv4.ping_group_range='0 2147483647' (per network"
        + " namespace), or use UDP (default) or -T";
  }
}
