package dev.hoptrace.cli.screenshot;

import org.jline.utils.AttributedStyle;

/**
 * What a cell's {@link AttributedStyle} asks for, read through JLine's public API only: each flag
 * and colour field is located by asking JLine to set it on an empty style, so no bit layout is
 * written down here.
 *
 * @param foreground an indexed colour (0-255), a 24-bit RGB colour ({@link #RGB} set), or -1
 * @param background the same, for the cell's background
 */
record CellStyle(int foreground, int background, boolean bold, boolean faint, boolean italic,
    boolean underline, boolean inverse, boolean conceal, boolean crossedOut) {

  /** Marks a colour as 24-bit RGB rather than a palette index. */
  static final int RGB = 1 << 24;

  private static final long BOLD = flag(AttributedStyle.DEFAULT.bold());
  private static final long FAINT = flag(AttributedStyle.DEFAULT.faint());
  private static final long ITALIC = flag(AttributedStyle.DEFAULT.italic());
  private static final long UNDERLINE = flag(AttributedStyle.DEFAULT.underline());
  private static final long INVERSE = flag(AttributedStyle.DEFAULT.inverse());
  private static final long CONCEAL = flag(AttributedStyle.DEFAULT.conceal());
  private static final long CROSSED_OUT = flag(AttributedStyle.DEFAULT.crossedOut());
  private static final ColourField FOREGROUND = new ColourField(
      AttributedStyle.DEFAULT.foreground(0), AttributedStyle.DEFAULT.foregroundRgb(0));
  private static final ColourField BACKGROUND = new ColourField(
      AttributedStyle.DEFAULT.background(0), AttributedStyle.DEFAULT.backgroundRgb(0));

  static CellStyle of(AttributedStyle style) {
    long bits = style.getStyle();
    return new CellStyle(FOREGROUND.colour(bits), BACKGROUND.colour(bits), (bits & BOLD) != 0,
        (bits & FAINT) != 0, (bits & ITALIC) != 0, (bits & UNDERLINE) != 0,
        (bits & INVERSE) != 0, (bits & CONCEAL) != 0, (bits & CROSSED_OUT) != 0);
  }

  private static long flag(AttributedStyle style) {
    return style.getStyle();
  }

  /** One colour field: an "indexed" flag, an "RGB" flag, and the value bits they share. */
  private record ColourField(long indexedFlag, long rgbFlag, long valueBits, int shift) {
    ColourField(AttributedStyle indexedZero, AttributedStyle rgbZero) {
      this(indexedZero.getStyle(), rgbZero.getStyle(),
          indexedZero.getMask() & ~indexedZero.getStyle() & ~rgbZero.getStyle());
    }

    ColourField(long indexedFlag, long rgbFlag, long valueBits) {
      this(indexedFlag, rgbFlag, valueBits, Long.numberOfTrailingZeros(valueBits));
    }

    int colour(long bits) {
      int value = (int) ((bits & valueBits) >>> shift);
      if ((bits & rgbFlag) != 0) {
        return RGB | (value & 0xFFFFFF);
      }
      return (bits & indexedFlag) != 0 ? value & 0xFF : -1;
    }
  }
}
