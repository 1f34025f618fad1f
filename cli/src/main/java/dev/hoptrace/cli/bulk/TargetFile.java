package dev.hoptrace.cli.bulk;

import dev.hoptrace.core.bulk.TargetTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The destinations of {@code hoptrace bulk -f FILE}: one a line, an address, a name or a CIDR
 * prefix (every address in it); {@code #} starts a comment, blank lines are skipped. A line that
 * is none of these stops the read with a message naming the line; a name that does not resolve is
 * skipped with a warning (in a long list one stale name should not cost the rest).
 */
public final class TargetFile {
  /** The most addresses one prefix line may stand for: a /16 (IPv4) or a /112 (IPv6). */
  public static final int MAX_PREFIX_ADDRESSES = 1 << 16;
  /** The most destinations one run takes. */
  public static final int MAX_DESTINATIONS = 1 << 24;

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** Looks a name up: an address, or empty when it has none (of the family asked for). */
  public interface Resolver {
    Optional<InetAddress> resolve(String name);
  }

  /** A line that is not a destination: the message names the file and the line. */
  public static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message);
    }
  }

  /** What a read found. */
  public record Read(TargetTable targets, int skippedFamily, int unresolved) {}

  private final String source;
  private final Resolver resolver;
  private final Boolean wantV6;
  private final Consumer<String> warnings;

  /**
   * @param source how to name the input in messages ("targets.txt", "stdin")
   * @param wantV6 true for -6, false for -4, null to take the family of the first destination
   * @param warnings hears one line per skipped name
   */
  public TargetFile(String source, Resolver resolver, Boolean wantV6, Consumer<String> warnings) {
    this.source = source;
    this.resolver = resolver;
    this.wantV6 = wantV6;
    this.warnings = warnings;
  }

  /**
   * Reads every line; destinations already done ({@code skip}) are left out.
   *
   * @return the destinations, or a table of none
   */
  public Read read(BufferedReader in, java.util.function.Predicate<InetAddress> skip)
      throws IOException, BadLine {
    TargetTable.Builder v4 = new TargetTable.Builder(false);
    TargetTable.Builder v6 = new TargetTable.Builder(true);
    Boolean family = wantV6;
    int skippedFamily = 0;
    int unresolved = 0;
    int number = 0;
    String line;
    while ((line = in.readLine()) != null) {
      number++;
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      Entry entry = parse(text, number);
      if (entry == null) {
        unresolved++;
        continue;
      }
      if (family == null) {
        family = entry.v6();
      } else if (family != entry.v6()) {
        if (wantV6 == null) {
          throw new BadLine(where(number) + "'" + text + "' is IPv" + (entry.v6() ? 6 : 4)
              + " but earlier destinations are IPv" + (family ? 6 : 4) + ": one family per run;"
              + " pick one with -4 or -6 (the other family's lines are then skipped)");
        }
        skippedFamily++;
        continue;
      }
      TargetTable.Builder builder = entry.v6() ? v6 : v4;
      byte[] address = entry.first().getAddress();
      for (long i = 0; i < entry.count(); i++) {
        InetAddress a = i == 0 ? entry.first() : InetAddress.getByAddress(address);
        if (!skip.test(a)) {
          builder.add(address, entry.name());
        }
        increment(address);
      }
      if (builder.size() > MAX_DESTINATIONS) {
        throw new BadLine(where(number) + "more than " + MAX_DESTINATIONS + " destinations:"
            + " split the list into several runs");
      }
    }
    TargetTable.Builder chosen = Boolean.TRUE.equals(family) ? v6 : v4;
    return new Read(chosen.size() == 0 ? null : chosen.build(), skippedFamily, unresolved);
  }

  private record Entry(InetAddress first, long count, String name, boolean v6) {}

  private Entry parse(String text, int number) throws BadLine {
    int slash = text.indexOf('/');
    if (slash >= 0) {
      return prefix(text, slash, number);
    }
    if (looksNumeric(text)) {
      InetAddress a = literal(text, number);
      return new Entry(a, 1, null, a instanceof Inet6Address);
    }
    if (!NAME.matcher(text).matches()) {
      throw new BadLine(where(number) + "'" + text + "' is not an address, a name or a CIDR"
          + " prefix (one destination per line; # starts a comment)");
    }
    Optional<InetAddress> a = resolver.resolve(text);
    if (a.isEmpty()) {
      warnings.accept(where(number) + "cannot resolve '" + text + "': skipped");
      return null;
    }
    return new Entry(a.get(), 1, text, a.get() instanceof Inet6Address);
  }

  private Entry prefix(String text, int slash, int number) throws BadLine {
    String base = text.substring(0, slash);
    String bits = text.substring(slash + 1);
    if (!looksNumeric(base) || !bits.matches("[0-9]{1,3}")) {
      throw new BadLine(where(number) + "'" + text + "' is not a CIDR prefix (ADDRESS/LENGTH,"
          + " e.g. 198.51.100.0/24)");
    }
    InetAddress a = literal(base, number);
    boolean v6 = a instanceof Inet6Address;
    int width = v6 ? 128 : 32;
    int length = Integer.parseInt(bits);
    if (length > width) {
      throw new BadLine(where(number) + "prefix length " + length + " is more than " + width);
    }
    int hostBits = width - length;
    int maxBits = Integer.numberOfTrailingZeros(MAX_PREFIX_ADDRESSES);
    if (hostBits > maxBits) {
      throw new BadLine(where(number) + text + " holds 2^" + hostBits + " addresses; at most "
          + MAX_PREFIX_ADDRESSES + " per line (/" + (width - maxBits) + "): split it into"
          + " smaller prefixes");
    }
    byte[] address = a.getAddress();
    for (int bit = 0; bit < hostBits; bit++) {
      int index = address.length - 1 - bit / 8;
      if ((address[index] & (1 << (bit % 8))) != 0) {
        throw new BadLine(where(number) + text + " has host bits set; did you mean "
            + network(address, hostBits) + "/" + length + "?");
      }
    }
    return new Entry(a, 1L << hostBits, null, v6);
  }

  private static String network(byte[] address, int hostBits) {
    byte[] n = address.clone();
    for (int bit = 0; bit < hostBits; bit++) {
      n[n.length - 1 - bit / 8] &= (byte) ~(1 << (bit % 8));
    }
    try {
      return dev.hoptrace.packet.AddressText.of(InetAddress.getByAddress(n));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private InetAddress literal(String text, int number) throws BadLine {
    boolean v4 = text.indexOf(':') < 0;
    if (v4) {
      // Checked here: InetAddress would take a malformed dotted quad for a name and ask DNS.
      boolean valid = IPV4.matcher(text).matches();
      for (String part : valid ? text.split("\\.") : new String[0]) {
        valid &= Integer.parseInt(part) <= 255;
      }
      if (!valid) {
        throw new BadLine(where(number) + "'" + text + "' is not an IPv4 address");
      }
    } else if (!text.matches("[0-9A-Fa-f:.]+")) {
      throw new BadLine(where(number) + "'" + text + "' is not an IPv6 address");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new BadLine(where(number) + "'" + text + "' is not a valid address");
    }
  }

  private static boolean looksNumeric(String text) {
    return text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private String where(int number) {
    return source + " line " + number + ": ";
  }

  private static void increment(byte[] address) {
    for (int i = address.length - 1; i >= 0; i--) {
      if (++address[i] != 0) {
        return;
      }
    }
  }
}
