package dev.hoptrace.lab;

import java.util.Objects;

/**
 * How a lab router treats probes beyond forwarding them. A plain kernel router answers Time
 * Exceeded for every probe that expires on it; the other behaviours are nftables rules.
 */
public sealed interface RouterBehaviour {

  /** Forwards and answers like any Linux router. */
  RouterBehaviour ANSWERING = new Answering();

  /** Forwards, but the Time Exceeded messages it sends are dropped: a "* * *" hop. */
  RouterBehaviour SILENT = new Silent();

  /** Answers for itself, then drops every packet it would forward: silence past this hop. */
  RouterBehaviour FIREWALL = new Firewall();

  /** Answers for itself, then rejects packets to the destination with {@code code}. */
  static RouterBehaviour rejecting(Unreachable code) {
    return new Rejecting(code);
  }

  /** See {@link #ANSWERING}. */
  record Answering() implements RouterBehaviour {}

  /** See {@link #SILENT}. */
  record Silent() implements RouterBehaviour {}

  /** See {@link #FIREWALL}. */
  record Firewall() implements RouterBehaviour {}

  /** See {@link #rejecting(Unreachable)}. */
  record Rejecting(Unreachable code) implements RouterBehaviour {
    public Rejecting {
      Objects.requireNonNull(code, "code");
    }
  }
}
