package dev.hoptrace.cli.live;

import java.util.List;
import org.jline.utils.AttributedString;

/**
 * The line naming every target when there are several; the selected one in reverse video. When
 * they do not all fit, targets before the selected one give way to an ellipsis, so the selected
 * one is always on screen.
 */
final class TargetList {
  private static final String TITLE = "targets:";

  private TargetList() {}

  static AttributedString line(List<TargetFrame> targets, int selected, Glyphs glyphs, int width) {
    int first = 0;
    // Each entry is a space and " N label mark ".
    int used = Text.width(TITLE);
    for (int i = 0; i <= selected; i++) {
      used += 1 + Text.width(entry(targets, i));
    }
    while (used > width && first < selected) {
      used -= 1 + Text.width(entry(targets, first));
      if (first == 0) {
        used += 1 + Text.width(glyphs.ellipsis());
      }
      first++;
    }
    Line line = new Line().add(TITLE, Styles.DIM);
    if (first > 0) {
      line.add(" ").add(glyphs.ellipsis(), Styles.DIM);
    }
    for (int i = first; i < targets.size(); i++) {
      line.add(" ");
      line.add(entry(targets, i), i == selected ? Styles.TITLE.inverse() : Styles.PLAIN);
    }
    return line.build();
  }

  private static String entry(List<TargetFrame> targets, int i) {
    TargetFrame t = targets.get(i);
    String mark = t.failure().isPresent() ? " failed"
        : t.snapshot().finished() ? " done"
        : t.paused() ? " paused" : "";
    return " " + (i + 1) + " " + Text.clean(t.label()) + mark + " ";
  }
}
