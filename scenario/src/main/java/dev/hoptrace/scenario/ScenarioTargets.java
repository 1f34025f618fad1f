package dev.hoptrace.scenario;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Target lists for bulk tracing through a scenario: the addresses of the prefixes its nodes own
 * (see {@link OwnedPrefixes}), all of them or a sample.
 */
public final class ScenarioTargets {
  /** More than this many addresses is not a list but a sample. */
  public static final int MAX_LISTED = 1 << 24;

  private ScenarioTargets() {}

  /** Every address of every owned prefix of one family, prefix by prefix in file order. */
  public static List<InetAddress> all(Scenario scenario, boolean ipv6) {
    List<Prefix> prefixes = prefixes(scenario, ipv6);
    BigInteger total = total(prefixes);
    if (total.compareTo(BigInteger.valueOf(MAX_LISTED)) > 0) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " owns " + total
          + " IPv" + (ipv6 ? "6" : "4") + " addresses, more than " + MAX_LISTED
          + " to list; take a sample");
    }
    List<InetAddress> all = new ArrayList<>(total.intValueExact());
    for (Prefix prefix : prefixes) {
      for (long i = 0; i < prefix.size().longValueExact(); i++) {
        all.add(prefix.address(BigInteger.valueOf(i)));
      }
    }
    return all;
  }

  /**
   * {@code n} different addresses drawn uniformly from all owned prefixes of one family, in the
   * order drawn; the same seed draws the same list.
   */
  public static List<InetAddress> sample(Scenario scenario, boolean ipv6, int n, long seed) {
    List<Prefix> prefixes = prefixes(scenario, ipv6);
    BigInteger total = total(prefixes);
    if (BigInteger.valueOf(n).compareTo(total) > 0) {
      throw new IllegalArgumentException("a sample of " + n + " from " + total + " addresses");
    }
    Random random = new Random(seed);
    Set<InetAddress> drawn = new LinkedHashSet<>();
    while (drawn.size() < n) {
      BigInteger index = new BigInteger(total.bitLength(), random);
      if (index.compareTo(total) >= 0) {
        continue;
      }
      for (Prefix prefix : prefixes) {
        if (index.compareTo(prefix.size()) < 0) {
          drawn.add(prefix.address(index));
          break;
        }
        index = index.subtract(prefix.size());
      }
    }
    return List.copyOf(drawn);
  }

  private static List<Prefix> prefixes(Scenario scenario, boolean ipv6) {
    List<Prefix> prefixes = new ArrayList<>();
    scenario.nodes().values().forEach(n -> prefixes.addAll(n.owned().of(ipv6)));
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("no node of scenario " + scenario.name() + " owns an IPv"
          + (ipv6 ? "6" : "4") + " prefix (see 'prefix' in docs/scenarios.md)");
    }
    return prefixes;
  }

  private static BigInteger total(List<Prefix> prefixes) {
    return prefixes.stream().map(Prefix::size).reduce(BigInteger.ZERO, BigInteger::add);
  }
}
