package dev.hoptrace.packet.forge;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Forger} on the wire next to a host does: it lets every packet pass unchanged,
 * learns the probes the host sends by reading them, and tells the host the {@code forgeries}
 * about them, from the liar's addresses (which no node of the path has).
 *
 * @param liarV4 the source of IPv4 lies
 * @param liarV6 the source of IPv6 lies
 * @param forgeries the kinds of lie told, each once per probe or per real error
 * @param staleAfter how old a probe must be before {@link Forgery#STALE} replays it
 */
public record ForgeryPlan(Inet4Address liarV4, Inet6Address liarV6, Set<Forgery> forgeries,
    Duration staleAfter) {

  public ForgeryPlan {
    Objects.requireNonNull(liarV4, "liarV4");
    Objects.requireNonNull(liarV6, "liarV6");
    forgeries = forgeries.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(forgeries));
    Objects.requireNonNull(staleAfter, "staleAfter");
  }

  /** Every kind of lie, stale after 3 s. */
  public static ForgeryPlan everything(Inet4Address liarV4, Inet6Address liarV6) {
    return new ForgeryPlan(liarV4, liarV6, EnumSet.allOf(Forgery.class), Duration.ofSeconds(3));
  }
}
