package dev.hoptrace.core;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Probes the kernel refused to send once a trace was under way (the route went away, the
 * interface went down): each counts as a probe without a reply, and this says how many, at which
 * TTLs and why. At most one entry per TTL, so a long outage in a continuous trace stays small.
 *
 * @param byTtl how many probes were refused at each TTL
 * @param reason the last refusal, as the network described it
 */
public record SendFailures(SortedMap<Integer, Long> byTtl, Optional<String> reason) {

  /** Every probe went out. */
  public static final SendFailures NONE = new SendFailures(new TreeMap<>(), Optional.empty());

  public SendFailures {
    byTtl = Collections.unmodifiableSortedMap(new TreeMap<>(byTtl));
  }

  /** Probes refused, all TTLs together. */
  public long probes() {
    return byTtl.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The TTLs with a refused probe, lowest first. */
  public List<Integer> ttls() {
    return List.copyOf(byTtl.keySet());
  }

  /** Probes refused at {@code ttl}. */
  public long at(int ttl) {
    return byTtl.getOrDefault(ttl, 0L);
  }

  /** These failures and one more, at {@code ttl}, for {@code why}. */
  public SendFailures plus(int ttl, String why) {
    SortedMap<Integer, Long> more = new TreeMap<>(byTtl);
    more.merge(ttl, 1L, Long::sum);
    return new SendFailures(more, Optional.of(why));
  }
}
