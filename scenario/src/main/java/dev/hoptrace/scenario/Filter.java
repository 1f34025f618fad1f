package dev.hoptrace.scenario;

/**
 * What a router does with traffic it would forward toward the destination.
 *
 * @param kind forward it, drop it silently (a firewall), or reject it with an ICMP unreachable
 * @param reject the unreachable it answers with, for {@link Kind#REJECT}
 */
public record Filter(Kind kind, Unreachable reject) {

  public enum Kind { NONE, DROP, REJECT }

  public static final Filter NONE = new Filter(Kind.NONE, Unreachable.ADMIN);
  public static final Filter DROP = new Filter(Kind.DROP, Unreachable.ADMIN);

  public static Filter reject(Unreachable code) {
    return new Filter(Kind.REJECT, code);
  }
}
