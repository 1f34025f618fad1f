package dev.hoptrace.cli.report;

import java.io.PrintStream;

/** Writes a finished report in one format. */
public interface ReportRenderer {

  /**
   * Writes {@code report} to {@code out} and flushes. May wait for reverse names, AS numbers and
   * places, each at most until its lookup's own timeout has run out (all lookups start before the
   * first line).
   */
  void render(Report report, PrintStream out);
}
