package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopFacts;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a report is rendered.
 *
 * @param facts reverse names of responders (none for numeric output, {@code -n}), and their AS
 *     numbers ({@code -A}) and places ({@code --geo-db}) when asked for
 * @param wide text only: add the jitter and forward/backward loss columns (JSON and CSV always
 *     carry every column)
 * @param version hoptrace's version, written into the JSON document
 * @param zone time zone of the text's {@code Start:} line (JSON and CSV write UTC)
 */
public record ReportOptions(HopFacts facts, boolean wide, String version, ZoneId zone) {
  public ReportOptions {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(zone, "zone");
  }
}
