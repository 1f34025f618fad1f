/**
 * The outputs of {@code hoptrace report}: a finished continuous trace of one or more targets as
 * mtr-style text, JSON or CSV (documented in docs/report.md).
 *
 * <p>Renderers read immutable {@link dev.hoptrace.core.live.LiveSnapshot}s only; pick one with
 * {@link dev.hoptrace.cli.report.ReportFormat#renderer(ReportOptions)}.
 */
package dev.hoptrace.cli.report;
