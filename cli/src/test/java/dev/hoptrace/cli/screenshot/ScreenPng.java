package dev.hoptrace.cli.screenshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jline.utils.AttributedString;

/**
 * Turns a terminal capture with colours ({@code tmux capture-pane -e -p}) into a PNG for the
 * README. JLine parses the escape sequences; {@link ScreenRenderer} draws the cells.
 *
 * <pre>
 * tmux capture-pane -e -p -t NAME | java -cp cli/target/hoptrace.jar \
 *     cli/src/test/java/dev/hoptrace/cli/screenshot/ScreenPng.java COLUMNS ROWS OUT.png
 * </pre>
 */
public final class ScreenPng {
  private static final float FONT_SIZE = 28;

  private ScreenPng() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ScreenPng COLUMNS ROWS OUT.png < capture");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    int columns = Integer.parseInt(args[0]);
    int rows = Integer.parseInt(args[1]);
    List<AttributedString> lines = lines(read(System.in));
    Path out = Path.of(args[2]);
    ImageIO.write(new ScreenRenderer(FONT_SIZE).render(lines, columns, rows), "png", out.toFile());
  }

  /**
   * The capture's lines with their styles. Parsed as a whole: tmux writes each line's attributes
   * as a change from the end of the line before, so a line alone may lack its colour.
   */
  static List<AttributedString> lines(String capture) {
    AttributedString all = AttributedString.fromAnsi(capture);
    List<AttributedString> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length(); i++) {
      if (all.charAt(i) == '\n') {
        lines.add(all.subSequence(start, i));
        start = i + 1;
      }
    }
    if (start < all.length()) {
      lines.add(all.subSequence(start, all.length()));
    }
    return lines;
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
