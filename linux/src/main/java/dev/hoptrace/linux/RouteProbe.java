package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_CLOEXEC;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_DGRAM;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_SOCKET;
import static dev.hoptrace.linux.ffm.LinuxConstants.SO_BINDTODEVICE;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Asks the kernel which source address the route to the destination uses, by connecting a UDP
 * socket (which sends nothing) and reading its name. Also fails early, before any probe, when
 * there is no route or the interface or source address does not exist.
 */
final class RouteProbe {
  private RouteProbe() {}

  static InetAddress localAddress(SessionCore core) throws NetworkException {
    int fd;
    try {
      fd = Libc.socket(core.setup.family(), SOCK_DGRAM | SOCK_CLOEXEC, 0);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("opening a UDP socket", e);
    }
    try {
      if (core.spec.interfaceName().isPresent()) {
        MemorySegment name =
            core.arena.allocateFrom(core.spec.interfaceName().get(), StandardCharsets.US_ASCII);
        Libc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, (int) name.byteSize());
      }
      core.setup.bindSource(fd, 0);
      Libc.connect(fd, core.destination, core.destinationWithPort(33434));
      MemorySegment local = core.arena.allocate(SockAddr.STORAGE_SIZE, 8);
      return SockAddr.read(local, Libc.getsockname(fd, local)).getAddress();
    } catch (ErrnoException e) {
      throw translate(core, e);
    } finally {
      // Back to port 0: raw IPv6 sockets read the port as a protocol number (raw(7)).
      core.destinationWithPort(0);
      Libc.closeQuietly(fd);
    }
  }

  private static NetworkException translate(SessionCore core, ErrnoException e) {
    if (e.call().equals("connect")) {
      return NetworkErrors.sending(core.spec.destination(), e);
    }
    if (e.call().equals("setsockopt")) {
      return NetworkErrors.setup(
          "binding to interface " + core.spec.interfaceName().orElse("?"), e);
    }
    return NetworkErrors.setup(
        "finding the route to " + Addresses.literal(core.spec.destination()), e);
  }
}
