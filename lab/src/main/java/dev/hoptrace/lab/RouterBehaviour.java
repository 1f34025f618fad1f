package dev.hoptrace.lab;

import dev.hoptrace.scenario.Filter;
import dev.hoptrace.scenario.IcmpPolicy;
import java.util.Objects;

/**
 * How a router of a {@link LinearPath} treats probes beyond forwarding them: a shorthand for the
 * scenario format's router behaviours ({@link #scenarioBehaviour()}).
 */
public sealed interface RouterBehaviour {

  /** Forwards and answers like any Linux router. */
  RouterBehaviour ANSWERING = new Answering();

  /** Forwards, but the ICMP errors it sends are dropped: a "* * *" hop. */
  RouterBehaviour SILENT = new Silent();

  /** Answers for itself, then drops what it would forward toward the destination. */
  RouterBehaviour FIREWALL = new Firewall();

  /** Answers for itself, then rejects packets to the destination with {@code code}. */
  static RouterBehaviour rejecting(Unreachable code) {
    return new Rejecting(code);
  }

  /** The same behaviour in the scenario format, which the lab builds. */
  default dev.hoptrace.scenario.RouterBehaviour scenarioBehaviour() {
    var plain = dev.hoptrace.scenario.RouterBehaviour.DEFAULT;
    return switch (this) {
      case Answering a -> plain;
      case Silent s -> new dev.hoptrace.scenario.RouterBehaviour(IcmpPolicy.SILENT,
          plain.replyFromV4(), plain.replyFromV6(), plain.mpls(), false, plain.balancing(),
          plain.filter());
      case Firewall f -> withFilter(Filter.DROP);
      case Rejecting r -> withFilter(Filter.reject(r.code().scenarioCode()));
    };
  }

  private static dev.hoptrace.scenario.RouterBehaviour withFilter(Filter filter) {
    var plain = dev.hoptrace.scenario.RouterBehaviour.DEFAULT;
    return new dev.hoptrace.scenario.RouterBehaviour(plain.icmp(), plain.replyFromV4(),
        plain.replyFromV6(), plain.mpls(), false, plain.balancing(), filter);
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
