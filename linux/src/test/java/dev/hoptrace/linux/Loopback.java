package dev.hoptrace.linux;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionSpec;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Optional;

/** Loopback targets and ports for real-kernel tests; nothing leaves the host. */
final class Loopback {
  private Loopback() {}

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static SessionSpec spec(String literal, Protocol protocol, ProbeMode mode) {
    return new SessionSpec(
        address(literal), protocol, mode, Optional.empty(), Optional.empty(), 0,
        literal.contains(":") ? 80 : 60);
  }

  /** A UDP port nobody listens on (bound and released just now). */
  static int closedUdpPort(String literal) throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address(literal), 0))) {
      return s.getLocalPort();
    }
  }

  /** A TCP port nobody listens on (bound and released just now). */
  static int closedTcpPort(String literal) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, address(literal))) {
      return s.getLocalPort();
    }
  }

  static boolean root() {
    return dev.hoptrace.linux.ffm.Libc.geteuid() == 0;
  }
}
