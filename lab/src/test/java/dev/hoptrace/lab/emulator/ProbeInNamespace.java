package dev.hoptrace.lab.emulator;

import dev.hoptrace.linux.NetworkNamespace;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LibcFiles;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.MsgHdr;
import dev.hoptrace.linux.ffm.PollFd;
import dev.hoptrace.linux.ffm.SockAddr;
import dev.hoptrace.linux.ffm.Timespec;
import dev.hoptrace.packet.icmp.IcmpMessage;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Sends one UDP probe with TTL / hop limit 1 from inside a namespace and returns the first ICMP
 * error a raw socket there receives, decoded by the packet module, with the address it came from.
 */
final class ProbeInNamespace {
  record Answer(InetAddress from, IcmpMessage message) {}

  private static final long WAIT_NANOS = 3_000_000_000L;

  private ProbeInNamespace() {}

  static Answer ttlOne(String namespace, InetAddress target) throws Exception {
    return NetworkNamespace.call(namespace, () -> probe(target));
  }

  private static Answer probe(InetAddress target) throws Exception {
    boolean v6 = target instanceof Inet6Address;
    int family = v6 ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET;
    int raw = Libc.socket(family, LinuxConstants.SOCK_RAW | LinuxConstants.SOCK_NONBLOCK
        | LinuxConstants.SOCK_CLOEXEC, v6 ? LinuxConstants.IPPROTO_ICMPV6
        : LinuxConstants.IPPROTO_ICMP);
    int udp = -1;
    try (Arena arena = Arena.ofConfined()) {
      udp = Libc.socket(family, LinuxConstants.SOCK_DGRAM | LinuxConstants.SOCK_CLOEXEC, 0);
      if (v6) {
        Libc.setsockopt(udp, LinuxConstants.SOL_IPV6, LinuxConstants.IPV6_UNICAST_HOPS, 1);
      } else {
        Libc.setsockopt(udp, LinuxConstants.SOL_IP, LinuxConstants.IP_TTL, 1);
      }
      MemorySegment dest = arena.allocate(SockAddr.STORAGE_SIZE, 8);
      int length = SockAddr.write(dest, target, 33434);
      Libc.sendto(udp, arena.allocate(32), 32, 0, dest, length);
      MsgHdr msg = new MsgHdr(arena, 2048);
      MemorySegment fds = arena.allocate(PollFd.LAYOUT, 1);
      MemorySegment timeout = arena.allocate(Timespec.LAYOUT);
      long deadline = System.nanoTime() + WAIT_NANOS;
      while (System.nanoTime() - deadline < 0) {
        PollFd.set(fds, 0, raw, LinuxConstants.POLLIN);
        Timespec.set(timeout, Math.max(0, deadline - System.nanoTime()));
        LibcFiles.ppoll(fds, 1, timeout);
        long n = Libc.recvmsg(raw, msg.prepareForReceive(), 0);
        if (n <= 0) {
          continue;
        }
        byte[] bytes = msg.data().asSlice(0, n).toArray(JAVA_BYTE);
        IcmpMessage m = v6 ? IcmpMessageDecoder.decodeIcmpV6(bytes, 0, bytes.length)
            : IcmpMessageDecoder.decodeIpv4Packet(bytes, 0, bytes.length);
        if (m.isError()) {
          InetSocketAddress from = SockAddr.read(msg.name(), msg.nameLength());
          return new Answer(from.getAddress(), m);
        }
      }
      throw new AssertionError("no ICMP error within 3 s for a TTL 1 probe to " + target);
    } finally {
      Libc.closeQuietly(udp);
      Libc.closeQuietly(raw);
    }
  }
}
