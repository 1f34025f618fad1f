package dev.hoptrace.core.diagnosis;

/**
 * Traceroute's annotations in words: the ICMP error's name and what it means for the trace.
 * The annotations are those the engine prints (RFC 792, RFC 1812 §5.2.7.1, RFC 4443 §3.1).
 */
final class UnreachableMeaning {
  private UnreachableMeaning() {}

  /** For example {@code 'host unreachable' (!H): it cannot deliver to the destination host}. */
  static String describe(String annotation) {
    return "'" + name(annotation) + "' (" + annotation + "): " + consequence(annotation);
  }

  static String name(String annotation) {
    return switch (annotation) {
      case "!H" -> "host unreachable";
      case "!N" -> "network unreachable";
      case "!P" -> "protocol unreachable";
      case "!X" -> "communication administratively prohibited";
      case "!S" -> "source route failed";
      case "!V" -> "host precedence violation";
      case "!C" -> "precedence cutoff in effect";
      default -> annotation.startsWith("!F") ? "fragmentation needed" : "ICMP error";
    };
  }

  private static String consequence(String annotation) {
    return switch (annotation) {
      case "!H" -> "it cannot deliver to the destination host";
      case "!N" -> "it has no route to the destination's network";
      case "!P" -> "the destination does not handle the probes' protocol";
      case "!X" -> "a filter there refuses the probes";
      case "!S" -> "the probes asked for a source route it could not follow";
      case "!V" -> "the probes' precedence is not allowed for that host";
      case "!C" -> "the probes' precedence is below the network's minimum";
      default -> annotation.startsWith("!F-")
          ? "the probes are larger than the next link's MTU of " + annotation.substring(3)
              + " bytes and may not be fragmented; try smaller packets"
          : "the probes go no further than this hop";
    };
  }
}
