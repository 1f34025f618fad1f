package dev.hoptrace.cli.live;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The whole screen as lines, a pure function of a {@link Frame}: header, target list, the chosen
 * view, status and key hints, with help over it when asked. Every line it returns fits the width
 * (the last one a column less, so writing it can never scroll the terminal) and carries no control
 * character, whatever the views did.
 */
final class Screen {
  private Screen() {}

  static List<AttributedString> lines(Frame frame, KnownNames names, KnownOrigins origins,
      Glyphs glyphs) {
    int width = frame.columns();
    int rows = frame.rows();
    if (width <= 0 || rows <= 0) {
      return List.of();
    }
    ViewState state = frame.state();
    TargetFrame target = frame.selected();
    List<AttributedString> top = new ArrayList<>(Header.lines(target, width));
    if (frame.targets().size() > 1) {
      top.add(TargetList.line(frame.targets(), Math.clamp(state.target(), 0,
          frame.targets().size() - 1), glyphs, width));
    }
    List<AttributedString> bottom = new ArrayList<>();
    frame.status().ifPresent(s -> bottom.add(Line.of("! " + s, Styles.ALERT)));
    bottom.add(Footer.line(state, frame.targets().size(), origins.asns().isPresent(), glyphs,
        width - 1));

    int bodyRows = rows - top.size() - bottom.size();
    List<AttributedString> screen = new ArrayList<>();
    if (bodyRows < 1) {
      // A terminal a few lines high: the first header line and the key hints, as far as they go.
      screen.addAll(top.subList(0, Math.min(top.size(), Math.max(0, rows - bottom.size()))));
      screen.addAll(bottom);
      return finish(screen.subList(Math.max(0, screen.size() - rows), screen.size()), width, rows);
    }
    HopText text = new HopText(names, origins, state.dns());
    List<AttributedString> body = switch (state.view()) {
      case TABLE -> new TableView(target, state, text, glyphs, width).lines(bodyRows);
      case CHART -> new ChartView(target, state, text, glyphs, width).lines(bodyRows);
      case DETAIL -> new HopDetailView(target, state, text, glyphs, width).lines(bodyRows);
    };
    screen.addAll(top);
    screen.addAll(body.subList(0, Math.min(body.size(), bodyRows)));
    while (screen.size() < rows - bottom.size()) {
      screen.add(Line.blank());
    }
    screen.addAll(bottom);
    if (state.help()) {
      screen = HelpView.over(screen, glyphs, width);
    }
    return finish(screen, width, rows);
  }

  /** What is drawn when drawing failed: the error and the way out, nothing that could fail again. */
  static List<AttributedString> fallback(String status, int width, int rows) {
    List<AttributedString> screen = new ArrayList<>();
    screen.add(Line.of("hoptrace: the view could not be drawn", Styles.ALERT));
    for (String line : Text.wrap(Text.clean(status), Math.max(1, width - 1))) {
      screen.add(Line.of(line, Styles.ALERT));
    }
    screen.add(Line.of("it keeps trying; q quits", Styles.DIM));
    return finish(screen, Math.max(1, width), Math.max(1, rows));
  }

  private static List<AttributedString> finish(List<AttributedString> screen, int width, int rows) {
    List<AttributedString> out = new ArrayList<>();
    for (int i = 0; i < screen.size() && i < rows; i++) {
      int limit = i == rows - 1 ? width - 1 : width;
      AttributedString line = printable(screen.get(i));
      out.add(line.columnLength() > limit ? line.columnSubSequence(0, Math.max(0, limit)) : line);
    }
    return out;
  }

  /** {@code line} with any control character replaced, styles kept. */
  static AttributedString printable(AttributedString line) {
    boolean clean = true;
    for (int i = 0; i < line.length() && clean; ) {
      int cp = line.codePointAt(i);
      clean = Text.printable(cp);
      i += Character.charCount(cp);
    }
    if (clean) {
      return line;
    }
    AttributedStringBuilder out = new AttributedStringBuilder(line.length());
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      out.style(line.styleAt(i));
      if (Text.printable(cp)) {
        out.append(new String(Character.toChars(cp)));
      } else {
        out.append(Text.REPLACEMENT);
      }
      i += Character.charCount(cp);
    }
    return out.toAttributedString();
  }
}
