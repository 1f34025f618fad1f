package dev.hoptrace.cli.screenshot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * Draws terminal lines as a picture of a terminal: a character grid in a monospaced font on a
 * dark, rounded panel. Block elements (the view's bars, axes and loss shades) are filled
 * rectangles rather than font glyphs, so bars of neighbouring rows meet without gaps.
 */
final class ScreenRenderer {
  static final String FAMILY = "DejaVu Sans Mono";
  /** Glyphs the monospaced font lacks come from here. */
  private static final String FALLBACK_FAMILY = "DejaVu Sans";
  private static final double LINE_SPACING = 1.18;

  private final Font regular;
  private final Font bold;
  private final Font italic;
  private final Font fallback;
  private final int cellWidth;
  private final int cellHeight;
  private final int baseline;
  private final int padX;
  private final int padY;

  /** @param fontSize in pixels; 28 gives a crisp picture for a README at half that size */
  ScreenRenderer(float fontSize) {
    regular = font(FAMILY, fontSize);
    bold = regular.deriveFont(Font.BOLD);
    italic = regular.deriveFont(Font.ITALIC);
    fallback = font(FALLBACK_FAMILY, fontSize);
    FontMetrics metrics = metrics(regular);
    cellWidth = metrics.charWidth('M');
    cellHeight = (int) Math.ceil((metrics.getAscent() + metrics.getDescent()) * LINE_SPACING);
    baseline = (cellHeight - metrics.getAscent() - metrics.getDescent()) / 2 + metrics.getAscent();
    padX = cellWidth * 2;
    padY = cellHeight;
  }

  /** The pixels of the cell at {@code column}, {@code row} (both from 0). */
  Rectangle cell(int column, int row) {
    return new Rectangle(padX + column * cellWidth, padY + row * cellHeight, cellWidth,
        cellHeight);
  }

  /** A picture of a {@code columns}×{@code rows} terminal showing {@code lines}. */
  BufferedImage render(List<AttributedString> lines, int columns, int rows) {
    int width = 2 * padX + columns * cellWidth;
    int height = 2 * padY + rows * cellHeight;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Palette.BACKGROUND);
      g.fill(new RoundRectangle2D.Float(0, 0, width, height, cellWidth * 2f, cellWidth * 2f));
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      for (int row = 0; row < Math.min(rows, lines.size()); row++) {
        drawLine(g, lines.get(row), row, columns);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawLine(Graphics2D g, AttributedString line, int row, int columns) {
    int column = 0;
    for (int i = 0; i < line.length() && column < columns; ) {
      int cp = line.codePointAt(i);
      CellStyle style = CellStyle.of(line.styleAt(i));
      i += Character.charCount(cp);
      int span = Math.max(0, WCWidth.wcwidth(cp));
      if (span == 0) {
        continue;  // a combining mark or control character: nothing of its own to draw
      }
      drawCell(g, cp, style, cell(column, row), span);
      column += span;
    }
  }

  private void drawCell(Graphics2D g, int cp, CellStyle style, Rectangle cell, int span) {
    Color[] colours = Palette.colours(style);
    Rectangle area = new Rectangle(cell.x, cell.y, cell.width * span, cell.height);
    if (!colours[1].equals(Palette.BACKGROUND)) {
      g.setColor(colours[1]);
      g.fill(area);
    }
    if (style.conceal() || cp == ' ') {
      return;
    }
    g.setColor(colours[0]);
    if (!drawBlock(g, cp, area, colours)) {
      drawGlyph(g, cp, style, area);
    }
    int thickness = Math.max(1, cellHeight / 16);
    if (style.underline()) {
      g.fillRect(area.x, area.y + baseline + 2 * thickness, area.width, thickness);
    }
    if (style.crossedOut()) {
      g.fillRect(area.x, area.y + cellHeight / 2, area.width, thickness);
    }
  }

  private void drawGlyph(Graphics2D g, int cp, CellStyle style, Rectangle area) {
    Font font = style.bold() ? bold : style.italic() ? italic : regular;
    if (!font.canDisplay(cp)) {
      font = fallback.deriveFont(font.getStyle());
    }
    g.setFont(font);
    String text = new String(Character.toChars(cp));
    // Centre the glyph in its cell: a fallback glyph may be wider or narrower than the grid.
    float advance = (float) font.getStringBounds(text, g.getFontRenderContext()).getWidth();
    g.drawString(text, area.x + (area.width - advance) / 2f, area.y + baseline);
  }

  /** Block elements U+2580-U+2595 as rectangles; false for any other character. */
  private boolean drawBlock(Graphics2D g, int cp, Rectangle a, Color[] colours) {
    int w = a.width;
    int h = a.height;
    if (cp >= 0x2581 && cp <= 0x2588) {  // lower eighths to a full block
      int fill = Math.round(h * (cp - 0x2580) / 8f);
      g.fillRect(a.x, a.y + h - fill, w, fill);
    } else if (cp >= 0x2589 && cp <= 0x258F) {  // left seven eighths down to one eighth
      g.fillRect(a.x, a.y, Math.round(w * (0x2590 - cp) / 8f), h);
    } else if (cp == 0x2580) {
      g.fillRect(a.x, a.y, w, h / 2);
    } else if (cp == 0x2590) {
      g.fillRect(a.x + w / 2, a.y, w - w / 2, h);
    } else if (cp >= 0x2591 && cp <= 0x2593) {  // light, medium, dark shade
      g.setColor(Palette.mix(colours[0], colours[1], (cp - 0x2590) / 4f));
      g.fill(a);
    } else if (cp == 0x2594) {  // upper one eighth
      g.fillRect(a.x, a.y, w, Math.max(1, Math.round(h / 8f)));
    } else if (cp == 0x2595) {  // right one eighth
      int line = Math.max(1, Math.round(w / 8f));
      g.fillRect(a.x + w - line, a.y, line, h);
    } else {
      return false;
    }
    return true;
  }

  private static Font font(String family, float size) {
    boolean installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames()).contains(family);
    return new Font(installed ? family : Font.MONOSPACED, Font.PLAIN, 1).deriveFont(size);
  }

  private static FontMetrics metrics(Font font) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }
}
