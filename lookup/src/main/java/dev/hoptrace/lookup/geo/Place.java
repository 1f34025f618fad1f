package dev.hoptrace.lookup.geo;

import dev.hoptrace.lookup.PrintableText;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a database places an address: a country and, when known, a city. The empty string means
 * "not known". Every part is checked or made printable on construction, whatever file it came
 * from: the code must be two letters, the names lose control characters ({@link PrintableText}).
 *
 * @param countryCode ISO 3166-1 alpha-2 code, upper case, e.g. {@code DE}
 * @param country the country's English name, e.g. {@code Germany}
 * @param city the city's English name, e.g. {@code Berlin}
 */
public record Place(String countryCode, String country, String city) {

  /** Longest name kept; the longest real city names are about 60 characters. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}");

  public Place {
    String code = Objects.requireNonNull(countryCode, "countryCode").strip();
    countryCode = CODE.matcher(code).matches() ? code.toUpperCase(Locale.ROOT) : "";
    country = PrintableText.of(Objects.requireNonNull(country, "country"), MAX_NAME_LENGTH);
    city = PrintableText.of(Objects.requireNonNull(city, "city"), MAX_NAME_LENGTH);
  }

  /** Nothing at all is known. */
  public boolean isEmpty() {
    return countryCode.isEmpty() && country.isEmpty() && city.isEmpty();
  }

  /** The country as outputs name it: the ISO code, else the English name; empty if unknown. */
  public String countryLabel() {
    return countryCode.isEmpty() ? country : countryCode;
  }

  /** {@code Berlin, DE}, {@code DE} or {@code Germany}: short enough to follow an address. */
  public String label() {
    String where = countryLabel();
    if (city.isEmpty()) {
      return where;
    }
    return where.isEmpty() ? city : city + ", " + where;
  }
}
