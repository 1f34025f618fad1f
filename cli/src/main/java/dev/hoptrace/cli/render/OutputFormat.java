package dev.hoptrace.cli.render;

/** What {@code -o} picks. */
public enum OutputFormat {
  /** Linux traceroute's lines. */
  TEXT,
  /** One JSON object per trace; the schema is in docs/json.md. */
  JSON
}
