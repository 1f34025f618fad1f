package dev.hoptrace.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Probes of a trace the kernel refused to send (the route went away, the interface went down):
 * each is shown as a probe without a reply, and this says how many, at which TTLs and why.
 *
 * @param ttls the TTL of every probe not sent, in sending order
 * @param reason the last refusal, as the network described it
 */
public record SendFailures(List<Integer> ttls, Optional<String> reason) {

  /** Every probe went out. */
  public static final SendFailures NONE = new SendFailures(List.of(), Optional.empty());

  public SendFailures {
    ttls = List.copyOf(ttls);
  }

  public int probes() {
    return ttls.size();
  }

  /** These failures and one more, at {@code ttl}, for {@code why}. */
  public SendFailures plus(int ttl, String why) {
    List<Integer> more = new ArrayList<>(ttls);
    more.add(ttl);
    return new SendFailures(more, Optional.of(why));
  }
}
