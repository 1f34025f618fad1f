package dev.hoptrace.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Real packets captured on Linux routers in namespaces; see src/test/resources/captures. */
public final class Captures {
  private Captures() {}

  /** The whole packet, from the IP header. */
  public static byte[] packet(String name) {
    try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name + ".hex")) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + name);
      }
      String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
          .filter(l -> !l.startsWith("#"))
          .collect(Collectors.joining())
          .replaceAll("\\s", "");
      return HexFormat.of().parseHex(hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an ICMPv6 raw socket delivers: the packet without its 40-byte IPv6 header. */
  public static byte[] icmpV6(String name) {
    byte[] p = packet(name);
    return Arrays.copyOfRange(p, 40, p.length);
  }

  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
  }

  public static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
