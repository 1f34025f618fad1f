package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_CLOEXEC;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_DGRAM;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_STREAM;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;

/**
 * A port held by an ordinary socket bound to port 0 for the whole session, so that no other
 * process on the host (another hoptrace, or any program) uses the number while raw probes carry
 * it as their source port or ICMP echo id.
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

  int port() {
    return port;
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
  }
}
