package dev.hoptrace.core;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How long one probe of a path MTU discovery ({@code --mtu}) was when it went out for the last
 * time, the time whose outcome its {@link ProbeResult} reports.
 *
 * @param ttl the probe's TTL
 * @param index the probe's position within its hop
 * @param size total length in bytes including the IP header; 0 when it was never sent
 * @param learnedMtu the new, smaller path MTU this probe was the first (in TTL order) to be sent
 *     with: traceroute's {@code F=NUM}; 0 when none
 * @param learnedFrom who reported {@code learnedMtu}: the router that sent Fragmentation Needed /
 *     Packet Too Big, or the local address when the local stack refused the larger probe
 */
public record ProbeSize(
    int ttl, int index, int size, int learnedMtu, Optional<InetAddress> learnedFrom) {

  public ProbeSize {
    Objects.requireNonNull(learnedFrom, "learnedFrom");
  }

  /** Whether the path MTU dropped at this probe. */
  public boolean dropped() {
    return learnedMtu > 0;
  }
}
