package dev.hoptrace.cli.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** A small capture, as tmux prints it with -e, drawn as a picture of the terminal. */
class ScreenRendererTest {
  // Green bold "OK" then plain text; the next line inherits nothing but starts in reverse video;
  // a full block; then a line in red only through the state carried over from the line before.
  private static final String CAPTURE = "\u001b[1;32mOK\u001b[0m done\n"
      + "\u001b[7mX\u001b[0m \u001b[32m\u2588\u001b[31m\n"
      + "red\n";

  private final ScreenRenderer renderer = new ScreenRenderer(20);

  @Test
  void theCaptureIsParsedAsAWholeSoStylesCarryAcrossLines() {
    List<AttributedString> lines = ScreenPng.lines(CAPTURE);
    assertThat(lines).extracting(AttributedString::toString).containsExactly("OK done", "X █", "red");
    assertThat(CellStyle.of(lines.get(0).styleAt(0))).extracting(CellStyle::foreground,
        CellStyle::bold).containsExactly(2, true);
    assertThat(CellStyle.of(lines.get(1).styleAt(0)).inverse()).isTrue();
    assertThat(CellStyle.of(lines.get(2).styleAt(0)).foreground()).isEqualTo(1);
  }

  @Test
  void cellsLandOnTheGridInTheirColours() {
    int columns = 12;
    int rows = 4;
    BufferedImage image = renderer.render(ScreenPng.lines(CAPTURE), columns, rows);

    Rectangle first = renderer.cell(0, 0);
    Rectangle last = renderer.cell(columns - 1, rows - 1);
    // The grid plus the same margin on both sides.
    assertThat(image.getWidth()).isEqualTo(last.x + last.width + first.x);
    assertThat(image.getHeight()).isEqualTo(last.y + last.height + first.y);

    Color green = Palette.colour(2);
    assertThat(closest(image, renderer.cell(0, 0), green)).as("bold green O").isLessThan(40);
    assertThat(closest(image, renderer.cell(1, 0), green)).as("bold green K").isLessThan(40);
    assertThat(closest(image, renderer.cell(3, 0), Palette.FOREGROUND)).as("plain d")
        .isLessThan(40);
    assertThat(closest(image, renderer.cell(0, 2), Palette.colour(1))).as("carried-over red")
        .isLessThan(40);
    // Reverse video: the cell's background is the text colour.
    Rectangle inverse = renderer.cell(0, 1);
    assertThat(colourAt(image, inverse.x + 1, inverse.y + 1)).isEqualTo(Palette.FOREGROUND);
    // A full block fills its cell, edge to edge.
    Rectangle block = renderer.cell(2, 1);
    assertThat(colourAt(image, block.x, block.y)).isEqualTo(green);
    assertThat(colourAt(image, block.x + block.width - 1, block.y + block.height - 1))
        .isEqualTo(green);
    // Where nothing is written there is only the background.
    assertThat(closest(image, renderer.cell(10, 3), green)).isGreaterThan(100);
    assertThat(colourAt(image, renderer.cell(10, 3).x, renderer.cell(10, 3).y))
        .isEqualTo(Palette.BACKGROUND);
  }

  /** The smallest colour distance between {@code colour} and any pixel of {@code cell}. */
  private static int closest(BufferedImage image, Rectangle cell, Color colour) {
    int best = Integer.MAX_VALUE;
    for (int y = cell.y; y < cell.y + cell.height; y++) {
      for (int x = cell.x; x < cell.x + cell.width; x++) {
        Color c = colourAt(image, x, y);
        int d = Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
            + Math.abs(c.getBlue() - colour.getBlue());
        best = Math.min(best, d);
      }
    }
    return best;
  }

  private static Color colourAt(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y) & 0xFFFFFF);
  }
}
