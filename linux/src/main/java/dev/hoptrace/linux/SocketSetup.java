package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Opens the probe sockets of a session with the options every one of them needs, for IPv4 or IPv6
 * alike: error queue, reply TTL, kernel timestamps, RFC 4884 offsets, TOS / traffic class, no
 * local PMTU refusal, interface and source binding (<a
 * href="https://man7.org/linux/man-pages/man7/ip.7.html">ip(7)</a>, <a
 * href="https://man7.org/linux/man-pages/man7/ipv6.7.html">ipv6(7)</a>).
 */
final class SocketSetup {
  /** TX stamps on the error queue (OPT_ID numbers them), RX stamps on every received message. */
  static final int TIMESTAMPING_FLAGS =
      SOF_TIMESTAMPING_TX_SOFTWARE
          | SOF_TIMESTAMPING_RX_SOFTWARE
          | SOF_TIMESTAMPING_SOFTWARE
          | SOF_TIMESTAMPING_OPT_ID
          | SOF_TIMESTAMPING_OPT_TSONLY;

  private final SessionSpec spec;
  private final boolean ipv6;
  /** Whether the kernel took IP(V6)_RECVERR_RFC4884; null until a socket was configured. */
  private Boolean reportsExtensions;
  private final MemorySegment device;
  private final MemorySegment sourceAddress;

  SocketSetup(SessionSpec spec, Arena arena) {
    this.spec = spec;
    this.ipv6 = spec.ipv6();
    this.device =
        spec.interfaceName()
            .map(name -> arena.allocateFrom(name, StandardCharsets.US_ASCII))
            .orElse(MemorySegment.NULL);
    this.sourceAddress = arena.allocate(SockAddr.STORAGE_SIZE, 8);
  }

  boolean ipv6() {
    return ipv6;
  }

  int family() {
    return ipv6 ? AF_INET6 : AF_INET;
  }

  /**
   * Whether error-queue entries locate RFC 4884 extensions (Linux ≥ 5.9). Sessions open their
   * sockets per probe, so before the first one a throwaway UDP socket asks the kernel.
   */
  boolean reportsExtensions() throws ErrnoException {
    if (reportsExtensions == null) {
      Libc.close(open(SOCK_DGRAM, 0, false));
    }
    return reportsExtensions;
  }

  /** Bytes of IP header the probe's total length includes. */
  int ipHeaderLength() {
    return ipv6 ? 40 : 20;
  }

  /** {@code socket()} non-blocking and close-on-exec, closed again if an option fails. */
  int open(int type, int protocol, boolean withTxStamps) throws ErrnoException {
    int fd = Libc.socket(family(), type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    try {
      configure(fd, withTxStamps);
      return fd;
    } catch (ErrnoException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  private void configure(int fd, boolean withTxStamps) throws ErrnoException {
    int level = ipv6 ? SOL_IPV6 : SOL_IP;
    Libc.setsockopt(fd, level, ipv6 ? IPV6_RECVERR : IP_RECVERR, 1);
    Libc.setsockopt(fd, level, ipv6 ? IPV6_RECVHOPLIMIT : IP_RECVTTL, 1);
    enableTimestamps(fd, withTxStamps);
    try {
      Libc.setsockopt(fd, level, ipv6 ? IPV6_RECVERR_RFC4884 : IP_RECVERR_RFC4884, 1);
      reportsExtensions = true;
    } catch (ErrnoException e) {
      // Kernels before 5.9 do not know the option; extensions then go undecoded.
      if (e.errno() != ENOPROTOOPT && e.errno() != EINVAL) {
        throw e;
      }
      reportsExtensions = false;
    }
    if (spec.tos() != 0) {
      Libc.setsockopt(fd, level, ipv6 ? IPV6_TCLASS : IP_TOS, spec.tos());
    }
    if (device.byteSize() > 0) {
      Libc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device, (int) device.byteSize());
    }
  }

  private static void enableTimestamps(int fd, boolean withTxStamps) throws ErrnoException {
    int flags =
        withTxStamps
            ? TIMESTAMPING_FLAGS
            : SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE;
    try {
      Libc.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, flags);
    } catch (ErrnoException e) {
      // Some sandboxes lack SO_TIMESTAMPING; SO_TIMESTAMPNS still stamps receptions.
      Libc.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, 1);
    }
  }

  /**
   * A raw socket ({@code SOCK_RAW}), bound to the interface if one was asked for. Fails with
   * {@code EPERM} without root or CAP_NET_RAW.
   */
  int openRaw(int protocol) throws ErrnoException {
    int fd = Libc.socket(family(), SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    try {
      if (device.byteSize() > 0) {
        Libc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device, (int) device.byteSize());
      }
      return fd;
    } catch (ErrnoException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  /** What a raw receive socket needs: kernel RX stamps, the IPv6 hop limit, a roomy buffer. */
  void enableRawReceive(int fd) throws ErrnoException {
    enableTimestamps(fd, false);
    if (ipv6) {
      Libc.setsockopt(fd, SOL_IPV6, IPV6_RECVHOPLIMIT, 1);
    }
    // Every reply of a whole window may arrive at once; the default buffer holds a few hundred.
    Libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, 1 << 20);
  }

  /**
   * Asks for a receive buffer that holds a whole window of replies ({@link ReceiveBudget}) and
   * returns what the kernel granted, in its own accounting (twice the request, capped at
   * {@code net.core.rmem_max}).
   */
  int roomyReceiveBuffer(int fd) throws ErrnoException {
    Libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, ReceiveBudget.REQUESTED);
    return Libc.getsockoptInt(fd, SOL_SOCKET, SO_RCVBUF);
  }

  /** Attaches a classic BPF program and locks it so it cannot be replaced. */
  void attachFilter(int fd, java.util.List<dev.hoptrace.linux.ffm.SockFilter.Insn> program)
      throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment fprog = dev.hoptrace.linux.ffm.SockFilter.program(arena, program);
      Libc.setsockopt(
          fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog,
          (int) dev.hoptrace.linux.ffm.SockFilter.PROGRAM_LAYOUT.byteSize());
    }
    Libc.setsockopt(fd, SOL_SOCKET, SO_LOCK_FILTER, 1);
  }

  /** Sets the TTL / hop limit of everything sent next. */
  void setTtl(int fd, int ttl) throws ErrnoException {
    Libc.setsockopt(fd, ipv6 ? SOL_IPV6 : SOL_IP, ipv6 ? IPV6_UNICAST_HOPS : IP_TTL, ttl);
  }

  /**
   * Lets large probes leave fragmented instead of being refused locally with EMSGSIZE, as
   * traceroute does; with path MTU discovery ({@code --mtu}) sets Don't Fragment instead and
   * makes the kernel ignore the path MTU it cached ({@code PMTUDISC_PROBE}, as traceroute
   * {@code --mtu} and tracepath do), so every drop on the path is seen again.
   */
  void allowFragmentation(int fd) throws ErrnoException {
    if (spec.discoverMtu()) {
      probeMtu(fd);
    } else if (ipv6) {
      Libc.setsockopt(fd, SOL_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_DONT);
    } else {
      Libc.setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DONT);
    }
  }

  /**
   * Never fragments and never refuses for a path MTU the kernel cached: only a probe longer than
   * the interface MTU is refused ({@code EMSGSIZE}). Raw sends get this always: a hoptrace
   * probe is what hoptrace built, and a router's answer to it is what the user asked to see.
   */
  void probeMtu(int fd) throws ErrnoException {
    if (ipv6) {
      Libc.setsockopt(fd, SOL_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_PROBE);
    } else {
      Libc.setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_PROBE);
    }
  }

  /** Queues local errors ({@code EMSGSIZE} with the MTU) on the error queue of {@code fd}. */
  void recvErr(int fd) throws ErrnoException {
    Libc.setsockopt(fd, ipv6 ? SOL_IPV6 : SOL_IP, ipv6 ? IPV6_RECVERR : IP_RECVERR, 1);
  }

  /**
   * Binds to the requested source address (or any) and a port the kernel picks, now rather than
   * at the first send, and returns the port: a socket that carries every probe of a flow, whose
   * port (a ping socket's echo identifier) goes into the probes' checksums.
   */
  int bindAnyPort(int fd, MemorySegment name) throws ErrnoException {
    java.net.InetAddress address = spec.source().orElseGet(() -> Addresses.wildcard(ipv6));
    Libc.bind(fd, sourceAddress, SockAddr.write(sourceAddress, address, 0));
    return SockAddr.read(name, Libc.getsockname(fd, name)).getPort();
  }

  /** Binds to the requested source address and port, when either was asked for. */
  void bindSource(int fd, int port) throws ErrnoException {
    if (spec.source().isEmpty() && port == 0) {
      return;
    }
    java.net.InetAddress address =
        spec.source().orElseGet(() -> Addresses.wildcard(ipv6));
    int length = SockAddr.write(sourceAddress, address, port);
    Libc.bind(fd, sourceAddress, length);
  }
}
