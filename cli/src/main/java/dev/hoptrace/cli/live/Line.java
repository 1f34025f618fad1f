package dev.hoptrace.cli.live;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * One screen line being built: text is cleaned as it is added (see {@link Text#clean}), and a
 * highlighted line (the selected hop) shows every part in reverse video whatever its own style.
 */
final class Line {
  private final AttributedStringBuilder text = new AttributedStringBuilder();
  private final boolean highlighted;
  private int width;

  Line() {
    this(false);
  }

  Line(boolean highlighted) {
    this.highlighted = highlighted;
  }

  Line add(String s) {
    return add(s, Styles.PLAIN);
  }

  Line add(String s, AttributedStyle style) {
    String clean = Text.clean(s);
    text.style(highlighted ? style.inverse() : style).append(clean);
    width += Text.width(clean);
    return this;
  }

  Line add(char c, AttributedStyle style) {
    return add(String.valueOf(c), style);
  }

  /** Appends styled text run by run, each keeping its style (a sparkline's lost marks). */
  Line add(AttributedString s) {
    for (int i = 0; i < s.length(); ) {
      int end = s.runLimit(i);
      add(s.subSequence(i, end).toString(), s.styleAt(i));
      i = end;
    }
    return this;
  }

  /**
   * Appends bars or shades in their own colours even on a highlighted line: in reverse video a
   * low bar fills most of its cell and reads as a tall one.
   */
  Line addGraphic(AttributedString s) {
    for (int i = 0; i < s.length(); ) {
      int end = s.runLimit(i);
      String clean = Text.clean(s.subSequence(i, end).toString());
      text.style(s.styleAt(i)).append(clean);
      width += Text.width(clean);
      i = end;
    }
    return this;
  }

  /** Spaces up to column {@code column}. */
  Line padTo(int column) {
    if (column > width) {
      add(" ".repeat(column - width));
    }
    return this;
  }

  int width() {
    return width;
  }

  AttributedString build() {
    return text.toAttributedString();
  }

  /**
   * {@code left} and {@code right} on one line of {@code width}, right flush right. When both do
   * not fit, the left one is cut while it keeps a readable 20 columns, else the right one goes.
   */
  static AttributedString spread(AttributedString left, AttributedString right, int width) {
    int leftWidth = left.columnLength();
    int rightWidth = right.columnLength();
    if (rightWidth == 0 || leftWidth + 2 + rightWidth <= width) {
      return join(left, right, width);
    }
    int room = width - 2 - rightWidth;
    if (room >= Math.min(leftWidth, 20)) {
      return join(left.columnSubSequence(0, room), right, width);
    }
    return left;
  }

  private static AttributedString join(AttributedString left, AttributedString right, int width) {
    int gap = Math.max(right.columnLength() == 0 ? 0 : 2,
        width - left.columnLength() - right.columnLength());
    return new Line().add(left).padTo(left.columnLength() + gap).add(right).build();
  }

  static AttributedString of(String s, AttributedStyle style) {
    return new Line().add(s, style).build();
  }

  static AttributedString blank() {
    return AttributedString.EMPTY;
  }
}
