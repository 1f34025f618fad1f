package dev.hoptrace.cli.live;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * The selected hop's recent RTTs as a bar chart (newest right, eighth-row resolution, lost probes
 * marked on the axis), then every hop's RTTs as one strip each on the path's common scale, so a
 * step in latency shows where along the path it starts.
 */
record ChartView(TargetFrame target, ViewState state, HopText text, Glyphs glyphs, int width) {
  /** "1234.5 " : the scale labels left of the axis. */
  private static final int LABEL = 7;


  List<AttributedString> lines(int height) {
    List<HopSnapshot> hops = target.snapshot().hops();
    List<AttributedString> out = new ArrayList<>();
    int focus = state.focusIndex(hops);
    if (focus < 0 || height < 4) {
      out.add(new Line().add("    (no hops yet)", Styles.DIM).build());
      return out;
    }
    HopSnapshot hop = hops.get(focus);
    int strips = hops.size() + 1;
    int chartRows = Math.max((height - 2) / 2, height - 2 - strips);
    out.addAll(chart(hop, chartRows));
    int left = height - out.size();
    if (left >= 2) {
      out.addAll(strips(hops, focus, left));
    }
    return out;
  }

  private List<AttributedString> chart(HopSnapshot hop, int rows) {
    List<Double> samples = hop.samples();
    int plot = Math.max(1, width - LABEL - 1);
    int from = Math.max(0, samples.size() - plot);
    double max = Sparkline.max(samples.subList(from, samples.size()));
    double floor = floor(samples.subList(from, samples.size()), max);
    List<AttributedString> lines = new ArrayList<>();
    lines.add(new Line()
        .add("RTT at hop " + hop.ttl() + "  ", Styles.TITLE)
        .add(text.firstHost(hop))
        .add("   " + Math.min(plot, samples.size()) + " newest of " + samples.size()
            + " samples, " + glyphs.lost() + " = lost", Styles.DIM)
        .build());
    int levels = glyphs.levels();
    for (int r = 0; r < rows; r++) {
      int fromBottom = rows - 1 - r;
      Line line = new Line();
      String label = max <= 0 ? "" // nothing answered: no scale to give
          : r == 0 ? Column.millis(max) : r == rows - 1 ? Column.millis(floor) : "";
      line.add(Text.right(label, LABEL - 1) + " ", Styles.DIM).add(glyphs.vertical(), Styles.DIM);
      line.padTo(LABEL + 1 + plot - (samples.size() - from));
      for (int i = from; i < samples.size(); i++) {
        double rtt = samples.get(i);
        if (Double.isNaN(rtt)) {
          line.add(fromBottom == 0 ? String.valueOf(glyphs.lost()) : " ", Styles.BAD);
          continue;
        }
        // The bar's height in eighths of a row; any reply shows at least the lowest mark.
        int eighths = max <= floor ? 1
            : Math.max(1, (int) Math.round((rtt - floor) / (max - floor) * rows * levels));
        int cell = Math.clamp(eighths - fromBottom * levels, 0, levels);
        line.add(cell == 0 ? " " : String.valueOf(glyphs.level(cell - 1)), Styles.CHART);
      }
      lines.add(line.build());
    }
    lines.add(new Line().add(" ".repeat(LABEL) + glyphs.corner()
        + glyphs.horizontal().repeat(plot) , Styles.DIM).build());
    return lines;
  }

  /**
   * Where the y axis starts. Not at 0: a 30 ms path varying by 2 ms would be a block of full bars.
   * The lowest sample sits a third of the way up, so the axis labels carry the scale.
   */
  static double floor(List<Double> samples, double max) {
    double min = Double.NaN;
    for (double s : samples) {
      if (!Double.isNaN(s)) {
        min = Double.isNaN(min) ? s : Math.min(min, s);
      }
    }
    if (Double.isNaN(min)) {
      return 0;
    }
    double margin = Math.max((max - min) / 2, max * 0.05);
    return Math.max(0, min - margin);
  }

  /** One line per hop, scaled to the largest RTT on the path; a window around the focus. */
  private List<AttributedString> strips(List<HopSnapshot> hops, int focus, int rows) {
    List<AttributedString> lines = new ArrayList<>();
    double max = 0;
    for (HopSnapshot hop : hops) {
      max = Math.max(max, Sparkline.max(hop.samples()));
    }
    lines.add(new Line().add("Every hop, on one scale (0 to " + Column.millis(max) + " ms)",
        Styles.TITLE).build());
    int shown = Math.min(hops.size(), rows - 1);
    int start = Math.clamp(focus - shown / 2, 0, hops.size() - shown);
    int host = Math.clamp(width / 4, 8, 30);
    int spark = Math.max(0, width - Columns.TTL - host - 1);
    for (int i = start; i < start + shown; i++) {
      HopSnapshot hop = hops.get(i);
      Line line = new Line(i == focus);
      line.add(Text.right(Integer.toString(hop.ttl()), Columns.TTL - 1) + " ");
      line.add(Text.left(text.firstHost(hop), host, glyphs) + " ");
      line.addGraphic(Sparkline.of(hop.samples(), spark, max, glyphs));
      lines.add(line.build());
    }
    return lines;
  }
}
