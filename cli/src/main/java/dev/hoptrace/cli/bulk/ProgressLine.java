package dev.hoptrace.cli.bulk;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The one-line progress display of a bulk run on a terminal's stderr, redrawn in place: done /
 * total destinations, probes and replies per second over the last interval, and the time left at
 * the rate destinations have been completing.
 */
public final class ProgressLine implements AutoCloseable {
  private final PrintStream err;
  private final int total;
  private final LongSupplier done;
  private final LongSupplier probes;
  private final LongSupplier replies;
  private final Thread thread;
  private final long start = System.nanoTime();
  private volatile boolean running = true;

  public ProgressLine(PrintStream err, int total, LongSupplier done, LongSupplier probes,
      LongSupplier replies) {
    this.err = err;
    this.total = total;
    this.done = done;
    this.probes = probes;
    this.replies = replies;
    this.thread = Thread.ofPlatform().daemon().name("hoptrace-progress").start(this::loop);
  }

  private void loop() {
    long lastProbes = 0;
    long lastReplies = 0;
    long lastAt = System.nanoTime();
    while (running) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      long p = probes.getAsLong();
      long r = replies.getAsLong();
      double seconds = Math.max(1e-3, (now - lastAt) / 1e9);
      err.print("\r" + line(done.getAsLong(), (p - lastProbes) / seconds,
          (r - lastReplies) / seconds, (now - start) / 1e9) + "\033[K");
      err.flush();
      lastProbes = p;
      lastReplies = r;
      lastAt = now;
    }
  }

  /** The text of the line: what a user reads. */
  String line(long completed, double probesPerSecond, double repliesPerSecond, double elapsed) {
    String eta = completed == 0 ? "--" : duration(elapsed / completed * (total - completed));
    int width = 20;
    int filled = (int) (width * completed / Math.max(1, total));
    return String.format(Locale.ROOT, "[%s%s] %d/%d destinations  %.0f probes/s  %.0f replies/s"
            + "  ETA %s", "#".repeat(filled), " ".repeat(width - filled), completed, total,
        probesPerSecond, repliesPerSecond, eta);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.print("\r\033[K");
    err.flush();
  }
}
