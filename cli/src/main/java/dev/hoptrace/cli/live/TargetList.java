package dev.hoptrace.cli.live;

import java.util.List;
import org.jline.utils.AttributedString;

/** The line naming every target when there are several; the selected one in reverse video. */
final class TargetList {
  private TargetList() {}

  static AttributedString line(List<TargetFrame> targets, int selected) {
    Line line = new Line().add("targets:", Styles.DIM);
    for (int i = 0; i < targets.size(); i++) {
      TargetFrame t = targets.get(i);
      String mark = t.failure().isPresent() ? " failed"
          : t.snapshot().finished() ? " done"
          : t.paused() ? " paused" : "";
      line.add(" ");
      line.add(" " + (i + 1) + " " + t.label() + mark + " ",
          i == selected ? Styles.TITLE.inverse() : Styles.PLAIN);
    }
    return line.build();
  }
}
