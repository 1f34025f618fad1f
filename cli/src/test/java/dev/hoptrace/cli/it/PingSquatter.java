package dev.hoptrace.cli.it;

import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.linux.NetworkNamespace;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.SockAddr;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ping socket in the lab's client bound to one echo identifier, pinging the destination with
 * sequence numbers 0..63 over and over (one every 200 µs) until closed, as a busy ping or another
 * tracer would: its echo replies carry that identifier and the sequences a trace uses.
 */
final class PingSquatter implements AutoCloseable {
  private final int fd;
  private final Arena arena;
  private final Thread sender;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;

  private PingSquatter(int fd, Arena arena, IpFamily family, InetAddress destination) {
    this.fd = fd;
    this.arena = arena;
    this.sender = Thread.ofPlatform().daemon().name("ping-squatter").start(() -> {
      MemorySegment to = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      int toLength = SockAddr.write(to, destination, 0);
      MemorySegment echo = arena.allocate(8 + 16, 8);
      echo.set(ValueLayout.JAVA_BYTE, 0,
          (byte) (family == IpFamily.IPV4 ? IcmpV4.ECHO_REQUEST : IcmpV6.ECHO_REQUEST));
      for (int seq = 0; running; seq = (seq + 1) % 64) {
        echo.set(ValueLayout.JAVA_BYTE, 6, (byte) (seq >>> 8));
        echo.set(ValueLayout.JAVA_BYTE, 7, (byte) seq);
        try {
          Libc.sendto(fd, echo, echo.byteSize(), LinuxConstants.MSG_DONTWAIT, to, toLength);
          sent.incrementAndGet();
        } catch (ErrnoException e) {
          // a full queue: try the next one
        }
        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
      }
    });
  }

  /** Binds a ping socket to {@code identifier} inside the client's namespace and starts pinging. */
  static PingSquatter start(Lab lab, IpFamily family, int identifier) throws Exception {
    Arena arena = Arena.ofShared();
    boolean v6 = family == IpFamily.IPV6;
    int fd = NetworkNamespace.call(lab.client().namespace(), () -> {
      int s = Libc.socket(v6 ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET,
          LinuxConstants.SOCK_DGRAM, v6 ? LinuxConstants.IPPROTO_ICMPV6
              : LinuxConstants.IPPROTO_ICMP);
      MemorySegment local = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      Libc.bind(s, local, SockAddr.write(local,
          InetAddress.getByName(v6 ? "::" : "0.0.0.0"), identifier));
      return s;
    });
    return new PingSquatter(fd, arena, family, lab.destinationAddress(family));
  }

  long sent() {
    return sent.get();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sender.join();
    Libc.closeQuietly(fd);
    arena.close();
  }
}
