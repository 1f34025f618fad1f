package dev.hoptrace.cli.report;

import dev.hoptrace.core.live.LiveSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a report prints: the final snapshot of every target, in the order the user named them.
 *
 * @param start when the run started (wall clock), printed as mtr's {@code Start:}
 * @param localHost this machine's name, printed as mtr's {@code HOST:}; see {@link LocalHostName}
 * @param targets one finished snapshot per target
 */
public record Report(Instant start, String localHost, List<LiveSnapshot> targets) {
  public Report {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(localHost, "localHost");
    targets = List.copyOf(targets);
  }
}
