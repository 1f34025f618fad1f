package dev.hoptrace.cli.screenshot;

import java.awt.Color;

/**
 * The colours of the screenshots: a dark theme with soft versions of the 16 ANSI colours, xterm's
 * 6×6×6 cube and grey ramp for the rest of the 256, and 24-bit colours as they are.
 */
final class Palette {
  static final Color BACKGROUND = new Color(0x1d, 0x20, 0x26);
  static final Color FOREGROUND = new Color(0xcd, 0xd1, 0xd8);
  /** Bold text in the default colour stands out a little, as in most terminals. */
  static final Color BOLD_FOREGROUND = new Color(0xf4, 0xf6, 0xfa);

  private static final int[] ANSI = {
      0x3b4048, 0xe06c75, 0x98c379, 0xe5c07b, 0x61afef, 0xc678dd, 0x56b6c2, 0xd7dae0,
      0x5c6370, 0xff8591, 0xb6e39a, 0xffd68a, 0x8cc8ff, 0xdda2f2, 0x7fd6e3, 0xffffff};
  private static final int[] CUBE = {0, 95, 135, 175, 215, 255};
  /** How much of the text colour a faint (dim) cell keeps against its background. */
  private static final float FAINT_SHARE = 0.6f;

  private Palette() {}

  /** The cell's text and background colours, after inverse and faint. */
  static Color[] colours(CellStyle style) {
    Color fg = style.foreground() < 0
        ? style.bold() ? BOLD_FOREGROUND : FOREGROUND
        : colour(style.foreground());
    Color bg = style.background() < 0 ? BACKGROUND : colour(style.background());
    if (style.inverse()) {
      Color swap = fg;
      fg = bg;
      bg = swap;
    }
    if (style.faint()) {
      fg = mix(fg, bg, FAINT_SHARE);
    }
    return new Color[] {fg, bg};
  }

  /** An indexed (0-255) or {@link CellStyle#RGB} colour. */
  static Color colour(int colour) {
    if ((colour & CellStyle.RGB) != 0) {
      return new Color(colour & 0xFFFFFF);
    }
    if (colour < 16) {
      return new Color(ANSI[colour]);
    }
    if (colour < 232) {
      int i = colour - 16;
      return new Color(CUBE[i / 36], CUBE[i / 6 % 6], CUBE[i % 6]);
    }
    int grey = 8 + 10 * (colour - 232);
    return new Color(grey, grey, grey);
  }

  /** {@code share} of {@code a} over {@code b}. */
  static Color mix(Color a, Color b, float share) {
    return new Color(
        Math.round(a.getRed() * share + b.getRed() * (1 - share)),
        Math.round(a.getGreen() * share + b.getGreen() * (1 - share)),
        Math.round(a.getBlue() * share + b.getBlue() * (1 - share)));
  }
}
