package dev.hoptrace.cli.report;

/** The formats {@code hoptrace report -o} offers; each makes its renderer. */
public enum ReportFormat {
  /** mtr {@code --report} style lines. */
  TEXT,
  /** One JSON document for all targets. */
  JSON,
  /** A header row, then one row per responder of every hop of every target. */
  CSV;

  public ReportRenderer renderer(ReportOptions options) {
    return switch (this) {
      case TEXT -> new TextReport(options.facts(), options.wide(), options.zone());
      case JSON -> new JsonReport(options.version(), options.facts());
      case CSV -> new CsvReport(options.facts());
    };
  }
}
