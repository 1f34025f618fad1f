package dev.hoptrace.lab.emulator;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.IfReq;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A layer-3 TUN device (<a
 * href="https://docs.kernel.org/networking/tuntap.html">Documentation/networking/tuntap.rst</a>):
 * every {@link #read} returns one whole IPv4 or IPv6 packet the kernel routed into the interface,
 * every {@link #write} hands one whole packet to the kernel as if it had arrived on it. No
 * packet-information prefix ({@code IFF_NO_PI}), non-blocking.
 *
 * <p>The interface exists while the descriptor is open (it is not made persistent), so {@link
 * #close()} removes it, in whatever namespace it has been moved to since.
 */
public final class TunDevice implements AutoCloseable {
  private static final String CLONE_DEVICE = "/dev/net/tun";

  private final int fd;
  private final String name;
  private boolean closed;

  private TunDevice(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /**
   * Creates interface {@code name} (at most 15 bytes) in the calling thread's network namespace.
   *
   * @throws ErrnoException {@code open} ENOENT without {@code /dev/net/tun}, {@code ioctl} EPERM
   *     without CAP_NET_ADMIN, EBUSY when the name is taken
   */
  public static TunDevice create(String name) throws ErrnoException {
    int fd =
        LibcFiles.open(
            CLONE_DEVICE,
            LinuxConstants.O_RDWR | LinuxConstants.O_NONBLOCK | LinuxConstants.O_CLOEXEC);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ifr =
          IfReq.of(arena, name, (short) (LinuxConstants.IFF_TUN | LinuxConstants.IFF_NO_PI));
      LibcFiles.ioctl(fd, LinuxConstants.TUNSETIFF, ifr);
      return new TunDevice(fd, IfReq.name(ifr));
    } catch (ErrnoException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  /** The interface name the kernel confirmed. */
  public String name() {
    return name;
  }

  /** The descriptor, for {@code ppoll}. */
  public int fd() {
    return fd;
  }

  /**
   * Reads the next packet into {@code buffer}.
   *
   * @return its length, or -1 when none is queued
   */
  public int read(MemorySegment buffer) throws ErrnoException {
    return (int) LibcFiles.read(fd, buffer, buffer.byteSize());
  }

  /**
   * Injects the first {@code length} bytes of {@code buffer} as one packet.
   *
   * @return false when the device cannot take it now (the packet is then lost, as on a full
   *     interface queue)
   */
  public boolean write(MemorySegment buffer, int length) throws ErrnoException {
    return LibcFiles.write(fd, buffer, length) == length;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Libc.closeQuietly(fd);
    }
  }
}
