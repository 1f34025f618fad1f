package dev.hoptrace.cli.live;

import org.jline.utils.AttributedStyle;

/** The view's few styles, in one place so the screen stays consistent. */
final class Styles {
  static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
  static final AttributedStyle TITLE = AttributedStyle.BOLD;
  static final AttributedStyle COLUMN_HEADER = AttributedStyle.DEFAULT.bold().underline();
  static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle KEY = AttributedStyle.BOLD;
  static final AttributedStyle GOOD = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle WARN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle BAD = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  static final AttributedStyle ALERT = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
  static final AttributedStyle PAUSED =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold().inverse();
  static final AttributedStyle EXTENSION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle CHART = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

  private Styles() {}
}
