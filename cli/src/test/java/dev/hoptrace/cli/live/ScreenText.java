package dev.hoptrace.cli.live;

import dev.hoptrace.core.live.LiveSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;

/** Renders frames for the tests and reads the result as a user would: plain text. */
final class ScreenText {
  private ScreenText() {}

  static TargetFrame target(String label, LiveSnapshot snapshot) {
    return new TargetFrame(label, snapshot, false, snapshot.elapsedNanos(), Optional.empty());
  }

  static List<String> render(ViewState state, int columns, int rows, KnownNames names,
      TargetFrame... targets) {
    return render(new Frame(state, List.of(targets), columns, rows, Optional.empty()), names);
  }

  static List<String> render(Frame frame, KnownNames names) {
    return render(frame, names, KnownOrigins.NONE);
  }

  static List<String> render(Frame frame, KnownNames names, KnownOrigins origins) {
    List<String> out = new ArrayList<>();
    for (AttributedString line : Screen.lines(frame, names, origins, Glyphs.UNICODE)) {
      out.add(line.toString());
    }
    return out;
  }

  /** The row of hop {@code ttl}: the line that starts with the TTL right-aligned in 3 columns. */
  static String row(List<String> screen, int ttl) {
    String start = String.format("%3d ", ttl);
    return screen.stream().filter(l -> l.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for hop " + ttl + " in\n" + join(screen)));
  }

  static String titleRow(List<String> screen) {
    return screen.stream().filter(l -> l.startsWith("  # ")).findFirst()
        .orElseThrow(() -> new AssertionError("no title row in\n" + join(screen)));
  }

  static String join(List<String> screen) {
    return String.join("\n", screen);
  }
}
