package dev.hoptrace.lookup.dns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Address;

/**
 * The address-to-name half of a hosts file ({@code hosts(5)}): the first name listed for an address
 * is its name, as {@code gethostbyaddr} answers.
 *
 * <p>dnsjava's {@code HostsFileParser} only maps names to addresses, hence this small reader. The
 * file is read once, when the resolver is built, so a lookup never touches the disk; a file that
 * is missing or unreadable is an empty one, because reverse names are a courtesy, not a necessity.
 */
final class HostsFile {

  /** Bounds for a hostile or accidental giant file; real ones are a few kilobytes. */
  private static final long MAX_BYTES = 1 << 20;
  private static final int MAX_LINES = 1 << 16;

  private static final HostsFile EMPTY = new HostsFile(Map.of());

  private final Map<InetAddress, String> names;

  private HostsFile(Map<InetAddress, String> names) {
    this.names = names;
  }

  static HostsFile empty() {
    return EMPTY;
  }

  /** Reads {@code path}; any problem reading it gives an empty file. */
  static HostsFile read(Path path) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > MAX_BYTES) {
        return EMPTY;
      }
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      Map<InetAddress, String> names = new HashMap<>();
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(Files.newInputStream(path), decoder))) {
        String line;
        for (int n = 0; n < MAX_LINES && (line = in.readLine()) != null; n++) {
          parseLine(line, names);
        }
      }
      return new HostsFile(Map.copyOf(names));
    } catch (IOException | RuntimeException e) {
      return EMPTY;
    }
  }

  /** The sanitised first name listed for {@code address}, if any. */
  Optional<String> nameOf(InetAddress address) {
    return Optional.ofNullable(names.get(address));
  }

  private static void parseLine(String line, Map<InetAddress, String> names) {
    int hash = line.indexOf('#');
    String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
    if (fields.length < 2) {
      return;
    }
    InetAddress address = literal(fields[0]);
    String name = DnsNames.sanitise(fields[1]);
    if (address != null && !name.isEmpty()) {
      names.putIfAbsent(address, name); // the first line for an address wins, as in glibc
    }
  }

  /** Parses an address literal; never asks DNS (unlike {@code InetAddress.getByName}). */
  private static InetAddress literal(String text) {
    byte[] bytes = Address.toByteArray(text, Address.IPv4);
    if (bytes == null) {
      bytes = Address.toByteArray(text, Address.IPv6);
    }
    try {
      return bytes == null ? null : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null; // only for a wrong length, which Address never returns
    }
  }
}
