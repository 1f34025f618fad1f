package dev.hoptrace.lab.emulator;

import dev.hoptrace.lab.Commands;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a TUN device made in this process's namespace into its end's namespace and configures it
 * there with {@code ip}. The descriptor keeps working across the move: it is bound to the device,
 * not to a namespace.
 */
final class TunPlacement {
  private TunPlacement() {}

  static void place(TunDevice device, LinkEnd end) {
    Commands.run(List.of("ip", "link", "set", "dev", device.name(), "netns", end.namespace()),
        Commands.SETUP_TIMEOUT).orThrow();
    String dev = end.interfaceName();
    List<String> lines = new ArrayList<>();
    if (!dev.equals(device.name())) {
      lines.add("link set dev " + device.name() + " name " + dev);
    }
    lines.add("link set dev " + dev + " mtu " + end.interfaceMtu());
    // No link-local address, so no router solicitations or MLD reports: the only packets on
    // the link are the ones a test sends, which keeps seeded loss patterns repeatable.
    lines.add("link set dev " + dev + " addrgenmode none");
    for (LinkEnd.Address a : end.addresses()) {
      // nodad: the address is usable at once instead of after a second of duplicate detection.
      lines.add("address add " + a.cidr() + " dev " + dev
          + (a.address() instanceof Inet6Address ? " nodad" : ""));
    }
    lines.add("link set dev " + dev + " up");
    Commands.run(List.of("ip", "-n", end.namespace(), "-batch", "-"),
        String.join("\n", lines) + "\n", Commands.SETUP_TIMEOUT, null).orThrow();
  }
}
