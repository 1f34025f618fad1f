package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopNames;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a report is rendered.
 *
 * @param names reverse names of responders, or empty for numeric output ({@code -n})
 * @param wide text only: add the jitter and forward/backward loss columns (JSON and CSV always
 *     carry every column)
 * @param version hoptrace's version, written into the JSON document
 * @param zone time zone of the text's {@code Start:} line (JSON and CSV write UTC)
 */
public record ReportOptions(Optional<HopNames> names, boolean wide, String version, ZoneId zone) {
  public ReportOptions {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(zone, "zone");
  }
}
