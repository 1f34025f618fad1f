package dev.hoptrace.linux.ffm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** {@link TcpInfo} read from the kernel's own TCP_INFO of loopback connections. */
class TcpInfoTest {

  @Test
  void aConnectionTheDestinationAcceptedAndClosedStillCompletedItsHandshake() throws Exception {
    // A destination that accepts and closes at once (the lab's open port, many real servers)
    // may have its FIN in before the probe's socket is looked at: the socket is then in
    // CLOSE_WAIT, and the probe was answered. Reading only ESTABLISHED left such probes as stars.
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback); Arena arena = Arena.ofConfined()) {
      int fd = Libc.socket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, 0);
      try {
        MemorySegment address = arena.allocate(SockAddr.STORAGE_SIZE);
        int length = SockAddr.write(address, loopback, server.getLocalPort());
        Libc.connect(fd, address, length);
        MemorySegment info = arena.allocate(TcpInfo.LAYOUT);
        Libc.getsockopt(fd, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_INFO, info);
        assertThat(TcpInfo.established(info)).as("connected").isTrue();

        try (Socket accepted = server.accept()) {
          assertThat(accepted.getRemoteSocketAddress()).isInstanceOf(InetSocketAddress.class);
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        do { // until the FIN has arrived: CLOSE_WAIT is tcpi_state 8
          Thread.sleep(5);
          Libc.getsockopt(fd, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_INFO, info);
        } while (info.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) != 8
            && System.nanoTime() < deadline);
        assertThat((int) info.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0)).isEqualTo(8);
        assertThat(TcpInfo.established(info)).as("closed by the destination").isTrue();
      } finally {
        Libc.closeQuietly(fd);
      }
    }
  }
}
