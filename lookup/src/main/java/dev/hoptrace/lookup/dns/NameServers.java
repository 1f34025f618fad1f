package dev.hoptrace.lookup.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Reads a name server given by a user as {@code host}, {@code host:port} or {@code [v6]:port}. */
public final class NameServers {

  static final int DNS_PORT = 53;

  private NameServers() {}

  /**
   * Parses {@code text}; a host name is resolved here, once, so that no lookup blocks later.
   *
   * @throws IllegalArgumentException naming the input when it is not a usable server
   */
  public static InetSocketAddress parse(String text) {
    String host = text.strip();
    int port = DNS_PORT;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0 || (close + 1 < host.length() && host.charAt(close + 1) != ':')) {
        throw invalid(text, "expected [IPv6] or [IPv6]:port");
      }
      if (close + 1 < host.length()) {
        port = port(text, host.substring(close + 2));
      }
      host = host.substring(1, close);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      port = port(text, host.substring(host.indexOf(':') + 1));
      host = host.substring(0, host.indexOf(':'));
    } // more than one colon: a bare IPv6 address on the default port
    if (host.isEmpty()) {
      throw invalid(text, "no host");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw invalid(text, "unknown host");
    }
  }

  private static int port(String text, String digits) {
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(text, "port must be 1-65535");
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "DNS server '" + text + "': " + why + " (use host, host:port or [IPv6]:port)");
  }
}
