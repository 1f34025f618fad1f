package dev.hoptrace.lookup.asn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/**
 * AS numbers from an ip-to-ASN table in the iptoasn.com TSV layout, held in memory and searched by
 * binary search; no packet leaves the machine.
 *
 * <pre>
 * range_start &lt;TAB&gt; range_end &lt;TAB&gt; AS_number &lt;TAB&gt; country_code &lt;TAB&gt; AS_description
 * 192.0.2.0        192.0.2.255      64500     NL       EXAMPLE-NET - Example Networks
 * 2001:db8::       2001:db8:ffff:ffff:ffff:ffff:ffff:ffff  64501  DE  EXAMPLE-V6
 * </pre>
 *
 * Ranges are inclusive and must not overlap. IPv4 and IPv6 rows may share a file (the "combined"
 * files) or come in separate ones; gzip-compressed files are read as they are. Rows with AS number
 * 0 ("Not routed") say that no AS announces the range and are left out. A range that is exactly one
 * CIDR block is reported as the prefix; other ranges (adjacent prefixes merged) have none.
 */
public final class IpToAsnTable implements AsnResolver {

  private final AddressRanges ipv4;
  private final AddressRanges ipv6;

  private IpToAsnTable(AddressRanges ipv4, AddressRanges ipv6) {
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  /**
   * Reads the table at {@code path}, plain or gzip-compressed.
   *
   * @throws IOException naming the file and line when it cannot be read or a row is malformed
   */
  public static IpToAsnTable read(Path path) throws IOException {
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = gzipped(path) ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(lines, path.toString());
    }
  }

  /** Reads a table from {@code lines}; {@code source} names it in error messages. */
  public static IpToAsnTable parse(BufferedReader lines, String source) throws IOException {
    var v4 = new AddressRanges.Builder(32);
    var v6 = new AddressRanges.Builder(128);
    Map<AsInfo, AsInfo> shared = new HashMap<>(); // one object per distinct AS row
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 5);
      if (f.length < 3) {
        throw malformed(source, number, "expected range_start, range_end, AS_number, ...");
      }
      InetAddress start = address(f[0], source, number);
      InetAddress end = address(f[1], source, number);
      if ((start instanceof Inet4Address) != (end instanceof Inet4Address)) {
        throw malformed(source, number, "range starts and ends in different families");
      }
      long as = asNumber(f[2], source, number);
      if (as == 0) {
        continue; // "Not routed"
      }
      AsInfo info = new AsInfo(as, "", f.length > 3 ? f[3] : "", "", f.length > 4 ? f[4] : "");
      info = shared.computeIfAbsent(info, i -> i);
      try {
        (start instanceof Inet4Address ? v4 : v6).add(start.getAddress(), end.getAddress(), info);
      } catch (IllegalArgumentException e) {
        throw malformed(source, number, e.getMessage());
      }
    }
    if (v4.isEmpty() && v6.isEmpty()) {
      throw new IOException(source + ": no ip-to-ASN rows (range_start TAB range_end TAB AS_number"
          + " TAB country_code TAB AS_description)");
    }
    try {
      return new IpToAsnTable(v4.build(), v6.build());
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<Optional<AsInfo>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    return CompletableFuture.completedFuture(find(address)); // in memory: microseconds
  }

  /** The AS of {@code address} according to the table. */
  public Optional<AsInfo> find(InetAddress address) {
    return (address instanceof Inet4Address ? ipv4 : ipv6).find(address.getAddress());
  }

  /** Number of ranges held, both families. */
  public int size() {
    return ipv4.size() + ipv6.size();
  }

  private static boolean gzipped(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static InetAddress address(String text, String source, int line) throws IOException {
    try {
      return InetAddress.ofLiteral(text.strip());
    } catch (IllegalArgumentException e) {
      throw malformed(source, line, "not an IP address: '" + shorten(text) + "'");
    }
  }

  private static long asNumber(String text, String source, int line) throws IOException {
    String digits = text.strip();
    if (!digits.isEmpty() && digits.length() <= 10
        && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long value = Long.parseLong(digits);
      if (value <= 0xFFFF_FFFFL) {
        return value;
      }
    }
    throw malformed(source, line, "not an AS number: '" + shorten(text) + "'");
  }

  private static String shorten(String text) {
    return dev.hoptrace.lookup.PrintableText.of(text, 40);
  }

  private static IOException malformed(String source, int line, String why) {
    return new IOException(source + ":" + line + ": " + why);
  }
}
