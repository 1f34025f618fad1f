package dev.hoptrace.lab.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Round-trip times from iputils {@code ping} output: one {@code time=20.1 ms} per reply. */
public record PingTimes(double[] sortedMillis, int transmitted, int received) {
  private static final Pattern TIME = Pattern.compile("time=([0-9.]+) ms");
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

  public static PingTimes parse(String stdout) {
    List<Double> times = new ArrayList<>();
    Matcher m = TIME.matcher(stdout);
    while (m.find()) {
      times.add(Double.parseDouble(m.group(1)));
    }
    Matcher s = SUMMARY.matcher(stdout);
    if (!s.find()) {
      throw new IllegalArgumentException("no ping summary in:\n" + stdout);
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new PingTimes(sorted, Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)));
  }

  /** The {@code q}-quantile (0..1) by the nearest-rank method. */
  public double quantile(double q) {
    if (sortedMillis.length == 0) {
      throw new IllegalStateException("no replies");
    }
    int rank = (int) Math.ceil(q * sortedMillis.length);
    return sortedMillis[Math.clamp(rank - 1, 0, sortedMillis.length - 1)];
  }

  public double median() {
    return quantile(0.5);
  }

  @Override
  public String toString() {
    return transmitted + " sent, " + received + " received, times " + Arrays.toString(
        Arrays.copyOf(sortedMillis, Math.min(10, sortedMillis.length))) + "…";
  }
}
