package dev.hoptrace.cli.render;

import dev.hoptrace.core.StopReason;

/** The words outputs use for a {@link StopReason}. */
final class StopReasons {
  private StopReasons() {}

  static String label(StopReason reason) {
    return switch (reason) {
      case DESTINATION_REACHED -> "destination-reached";
      case UNREACHABLE -> "unreachable";
      case GAP_LIMIT -> "gap-limit";
      case MAX_TTL -> "max-ttl";
    };
  }
}
