package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.AF_INET;
import static dev.hoptrace.linux.ffm.LinuxConstants.AF_INET6;
import static dev.hoptrace.linux.ffm.LinuxConstants.IPPROTO_ICMP;
import static dev.hoptrace.linux.ffm.LinuxConstants.IPPROTO_ICMPV6;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_NONBLOCK;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_RAW;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw ICMP / ICMPv6 socket (root) that records the echo requests arriving on the host, as they
 * were on the wire: what a load balancer would have hashed.
 */
final class EchoCapture implements AutoCloseable {
  /** One captured echo request. */
  record Echo(int identifier, int sequence, int checksum) {}

  private final Arena arena = Arena.ofConfined();
  private final MessageReader reader = new MessageReader(arena, 65_536);
  private final boolean v6;
  private final int fd;

  EchoCapture(boolean v6) throws ErrnoException {
    this.v6 = v6;
    this.fd = Libc.socket(v6 ? AF_INET6 : AF_INET, SOCK_RAW | SOCK_NONBLOCK,
        v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
  }

  /** The echo requests queued so far (IPv4 raw sockets see the IP header, IPv6 ones do not). */
  List<Echo> requests() throws ErrnoException {
    List<Echo> echoes = new ArrayList<>();
    for (MessageReader.Received r = reader.read(fd, false); r != null; r = reader.read(fd, false)) {
      byte[] b = r.payload();
      int at = v6 ? 0 : (b[0] & 0x0f) * 4;
      if (b.length >= at + 8 && (b[at] & 0xff) == (v6 ? 128 : 8)) {
        echoes.add(new Echo(u16(b, at + 4), u16(b, at + 6), u16(b, at + 2)));
      }
    }
    return echoes;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
    arena.close();
  }
}
