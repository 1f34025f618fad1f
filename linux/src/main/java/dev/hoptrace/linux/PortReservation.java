package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_CLOEXEC;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_DGRAM;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_STREAM;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;

/**
 * A port (for raw ICMP, an echo identifier) held by an ordinary socket bound to port 0 for the
 * whole session, so that no other process on the host (another hoptrace, or any program) uses the
 * number while raw probes carry it as their source port or ICMP echo id.
 */
final class PortReservation implements AutoCloseable {
  private final int fd;
  private final int port;

  private PortReservation(int fd, int port) {
    this.fd = fd;
    this.port = port;
  }

  /** Reserves a UDP port ({@code tcp} false) or a TCP port on {@code local}'s family. */
  static PortReservation reserve(Arena arena, InetAddress local, boolean tcp)
      throws ErrnoException {
    int family = SockAddr.familyOf(local);
    int fd = Libc.socket(family, (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
    try {
      MemorySegment address = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      Libc.bind(fd, address, SockAddr.write(address, Addresses.wildcard(family != 2), 0));
      int port = SockAddr.read(address, Libc.getsockname(fd, address)).getPort();
      return new PortReservation(fd, port);
    } catch (ErrnoException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  /**
   * Reserves an ICMP echo identifier for raw ICMP probes. Ping sockets take their identifiers
   * from a table of their own, apart from UDP ports: a raw trace that used a UDP port as its
   * identifier could share it with a ping socket (another hoptrace, a ping), and each would
   * see the other's echo replies and errors. A ping socket bound to identifier 0 holds one the
   * kernel gives no other ping socket; it receives our echo replies too, so its buffer is kept
   * at the minimum and nothing reads it. Where ping sockets are not allowed for this group
   * ({@code net.ipv4.ping_group_range}), none can exist to collide, and a UDP port is used.
   */
  static PortReservation reserveEchoIdentifier(Arena arena, InetAddress local)
      throws ErrnoException {
    int family = SockAddr.familyOf(local);
    int fd;
    try {
      fd = Libc.socket(family, SOCK_DGRAM | SOCK_CLOEXEC,
          family == LinuxConstants.AF_INET6 ? LinuxConstants.IPPROTO_ICMPV6
              : LinuxConstants.IPPROTO_ICMP);
    } catch (ErrnoException e) {
      if (e.errno() == LinuxConstants.EACCES || e.errno() == LinuxConstants.EPERM) {
        return reserve(arena, local, false);
      }
      throw e;
    }
    try {
      Libc.setsockopt(fd, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_RCVBUF, 0);
      MemorySegment address = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      Libc.bind(fd, address, SockAddr.write(address, Addresses.wildcard(family != 2), 0));
      int identifier = SockAddr.read(address, Libc.getsockname(fd, address)).getPort();
      return new PortReservation(fd, identifier);
    } catch (ErrnoException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
  }
}
