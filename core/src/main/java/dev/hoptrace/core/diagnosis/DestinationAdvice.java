package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.TraceRequest;

/**
 * What a destination that never answers does not answer, and which probe to try instead. Firewalls
 * commonly drop UDP to high ports and ICMP echo, while TCP to port 443 passes almost everywhere a
 * web server does.
 */
final class DestinationAdvice {
  private DestinationAdvice() {}

  /** For example {@code does not answer UDP probes}. */
  static String unanswered(TraceRequest request) {
    return switch (request.protocol()) {
      case UDP -> "does not answer UDP probes";
      case ICMP -> "does not answer echo requests";
      case TCP -> "does not answer TCP port " + request.port();
    };
  }

  /** The options to try, for example {@code try -T -p 443 or -I}. */
  static String alternative(TraceRequest request) {
    return switch (request.protocol()) {
      case UDP -> "try -T -p 443 or -I";
      case ICMP -> "try -T -p 443";
      case TCP -> request.port() == 443 ? "try -p 80 or -I" : "try -p 443 or -I";
    };
  }
}
