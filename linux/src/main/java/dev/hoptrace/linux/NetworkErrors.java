package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.NetworkException.Reason;
import dev.hoptrace.linux.ffm.ErrnoException;
import java.net.InetAddress;

/** Turns a failed libc call into the one-line, actionable {@link NetworkException} users see. */
final class NetworkErrors {
  private NetworkErrors() {}

  /** A failure while sending or connecting to {@code destination}. */
  static NetworkException sending(InetAddress destination, ErrnoException e) {
    return switch (e.errno()) {
      case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EADDRNOTAVAIL ->
          new NetworkException(
              Reason.UNREACHABLE,
              "no route to " + Addresses.literal(destination) + " (" + e.getMessage() + ")",
              e);
      case EACCES, EPERM ->
          new NetworkException(
              Reason.PERMISSION,
              "not permitted to send to " + Addresses.literal(destination) + " (" + e.getMessage()
                  + "); a firewall rule or broadcast address?",
              e);
      // Raw sends are not fragmented by the kernel: a probe larger than the path MTU it has
      // learnt (from a Packet Too Big) is refused locally.
      case EMSGSIZE ->
          new NetworkException(
              Reason.OTHER,
              "a probe to " + Addresses.literal(destination) + " is larger than the path MTU the"
                  + " kernel has learnt (" + e.getMessage() + "); give a smaller packet length or"
                  + " use --mode unprivileged, whose sockets fragment",
              e);
      default -> setup("sending to " + Addresses.literal(destination), e);
    };
  }

  /** A failure while opening or configuring sockets for {@code what}. */
  static NetworkException setup(String what, ErrnoException e) {
    String hint =
        switch (e.errno()) {
          case EMFILE -> "; too many open files: lower the number of probes in flight or raise"
              + " ulimit -n";
          case 19 -> "; no such interface (check the interface name)";
          case EADDRINUSE -> "; the source port is in use, choose another";
          case EADDRNOTAVAIL -> "; the source address is not on this host";
          case EAFNOSUPPORT -> "; this host has no support for that address family";
          default -> "";
        };
    return new NetworkException(Reason.OTHER, what + " failed (" + e.getMessage() + ")" + hint, e);
  }
}
