package dev.hoptrace.cli.live;

import java.util.List;
import org.jline.utils.AttributedString;

/**
 * A hop's newest RTT samples as one line of bar characters, newest on the right, and its loss
 * over the whole sample window as a strip of shades.
 */
final class Sparkline {
  private Sparkline() {}

  /** The largest RTT among {@code samples}, 0 when none answered. */
  static double max(List<Double> samples) {
    double max = 0;
    for (double s : samples) {
      if (!Double.isNaN(s)) {
        max = Math.max(max, s);
      }
    }
    return max;
  }

  /**
   * The newest {@code width} samples as bars scaled so that {@code max} is a full bar; lost samples
   * are marked, not drawn as zero (a fast reply and no reply must not look alike). Fewer samples
   * than columns leave the left blank.
   */
  static AttributedString of(List<Double> samples, int width, double max, Glyphs glyphs) {
    Line line = new Line();
    int from = Math.max(0, samples.size() - width);
    line.padTo(width - (samples.size() - from));
    for (int i = from; i < samples.size(); i++) {
      double rtt = samples.get(i);
      if (Double.isNaN(rtt)) {
        line.add(glyphs.lost(), Styles.BAD);
      } else {
        line.add(glyphs.level(level(rtt, max, glyphs.levels())), Styles.CHART);
      }
    }
    return line.build();
  }

  /** Which of {@code levels} bars stands for {@code rtt}; any reply gets at least the lowest. */
  static int level(double rtt, double max, int levels) {
    if (max <= 0) {
      return 0;
    }
    return Math.clamp((int) Math.ceil(rtt / max * levels) - 1, 0, levels - 1);
  }

  /**
   * The whole window of samples folded into {@code width} cells, oldest left; each cell's shade is
   * the share of its samples that were lost, so an old burst stays visible after it has scrolled
   * out of the sparkline.
   */
  static AttributedString lossStrip(List<Double> samples, int width, Glyphs glyphs) {
    Line line = new Line();
    if (width <= 0) {
      return line.build();
    }
    int n = samples.size();
    int cells = Math.min(width, n);
    line.padTo(width - cells);
    for (int c = 0; c < cells; c++) {
      // Cell c covers samples [start, end): equal shares of the window, the newest cell last.
      int start = (int) ((long) c * n / cells);
      int end = (int) ((long) (c + 1) * n / cells);
      int lost = 0;
      for (int i = start; i < end; i++) {
        if (Double.isNaN(samples.get(i))) {
          lost++;
        }
      }
      int total = end - start;
      int partial = glyphs.lossShades() - 2;  // shades between "none lost" and "all lost"
      int shade = lost == 0 ? 0
          : lost == total ? partial + 1
          : (lost * partial + total - 1) / total;  // ceil(share * partial): 1 .. partial
      line.add(glyphs.lossShade(shade), lost == 0 ? Styles.DIM : lost == total ? Styles.BAD
          : Styles.WARN);
    }
    return line.build();
  }
}
