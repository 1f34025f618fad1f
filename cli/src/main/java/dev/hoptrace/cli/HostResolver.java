package dev.hoptrace.cli;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns what the user typed into the one address to trace to, honouring -4 / -6. */
final class HostResolver {
  private HostResolver() {}

  /**
   * Resolves {@code host} through the system resolver (hosts file, DNS), IPv4 first unless told,
   * as traceroute does.
   */
  static InetAddress resolve(String host, boolean ipv4Only, boolean ipv6Only) throws UserError {
    if (host.isBlank()) {
      throw new UserError(ExitCode.USAGE, "HOST is empty: give a name or an address to trace to");
    }
    InetAddress[] all;
    try {
      all = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new UserError(ExitCode.UNKNOWN_HOST,
          "cannot resolve '" + host + "': unknown host (check the name, or give an address)");
    }
    for (InetAddress a : all) {
      if (!ipv6Only && a instanceof Inet4Address) {
        return a;
      }
    }
    for (InetAddress a : all) {
      if (!ipv4Only && a instanceof Inet6Address) {
        return a;
      }
    }
    throw new UserError(ExitCode.UNKNOWN_HOST,
        "'" + host + "' has no " + (ipv4Only ? "IPv4" : "IPv6") + " address; drop " + (ipv4Only ? "-4" : "-6"));
  }

  /** Parses a numeric address without any lookup. */
  static InetAddress literal(String text, String what) throws UserError {
    if (text.isEmpty() || !(text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      throw new UserError(ExitCode.USAGE, what + " must be a numeric address, got '" + text + "'");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new UserError(ExitCode.USAGE, what + " is not a valid address: '" + text + "'");
    }
  }
}
