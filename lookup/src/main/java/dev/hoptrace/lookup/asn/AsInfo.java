package dev.hoptrace.lookup.asn;

import dev.hoptrace.lookup.PrintableText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is known about the autonomous system that announces an address.
 *
 * <p>Every text part is checked or made printable on construction, whatever its source (a DNS
 * answer, a database file): {@code prefix} must be a network in CIDR notation, {@code country} two
 * letters, {@code registry} a short lower-case word; anything else becomes the empty string, which
 * means "not known". The AS name keeps its spaces and punctuation but loses control characters
 * ({@link PrintableText}).
 *
 * @param number the AS number, 0 to 4294967295 (RFC 6793)
 * @param prefix the announced network containing the address, e.g. {@code 192.0.2.0/24}
 * @param country ISO 3166 country code the AS or prefix is registered in, upper case
 * @param registry the regional registry that allocated the prefix ({@code arin}, {@code ripencc},
 *     ...)
 * @param name the AS's name, e.g. {@code EXAMPLE-NET - Example Networks, NL}
 */
public record AsInfo(long number, String prefix, String country, String registry, String name) {

  /** Longest AS name kept: the longest real ones are about 90 characters. */
  public static final int MAX_NAME_LENGTH = 128;

  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern REGISTRY = Pattern.compile("[a-z0-9_-]{1,16}");

  public AsInfo {
    if (number < 0 || number > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("AS number out of range 0-4294967295: " + number);
    }
    prefix = Prefixes.normalise(Objects.requireNonNull(prefix, "prefix"));
    country = COUNTRY.matcher(Objects.requireNonNull(country, "country").strip()).matches()
        ? country.strip().toUpperCase(Locale.ROOT) : "";
    String reg = Objects.requireNonNull(registry, "registry").strip().toLowerCase(Locale.ROOT);
    registry = REGISTRY.matcher(reg).matches() ? reg : "";
    name = PrintableText.of(Objects.requireNonNull(name, "name"), MAX_NAME_LENGTH);
  }

  /** An AS of which only the number is known. */
  public static AsInfo of(long number) {
    return new AsInfo(number, "", "", "", "");
  }

  /** This AS with {@code name} as its name. */
  public AsInfo withName(String name) {
    return new AsInfo(number, prefix, country, registry, name);
  }

  /** {@code AS64500}, as traceroute, mtr and whois write it. */
  public String label() {
    return "AS" + number;
  }
}
