package dev.hoptrace.cli.bulk;

import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.bulk.BulkListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Renders and writes finished traces on a thread of its own, so that the engine's thread only
 * probes: at tens of thousands of destinations a second, JSON rendering would otherwise cost the
 * engine its rate. Results are handed over in batches (when 256 are waiting, or whenever the
 * engine is about to wait), so a busy run does not wake the writer once per destination; a full
 * queue makes the engine wait (the output sets the pace, nothing is dropped). Each batch is
 * flushed as soon as it is written; {@link #close} writes everything still held.
 */
public final class ResultWriter implements BulkListener, AutoCloseable {
  private static final int BATCH = 256;
  /** Handed over last: the writer ends when it takes this very list. */
  private static final List<TraceResult> STOP = new ArrayList<>();

  private final BlockingQueue<List<TraceResult>> queue = new ArrayBlockingQueue<>(64);
  private final PrintStream out;
  private final Function<TraceResult, String> render;
  private final Thread thread;
  private List<TraceResult> pending = new ArrayList<>();
  private volatile RuntimeException failure;

  public ResultWriter(PrintStream out, Function<TraceResult, String> render) {
    this.out = out;
    this.render = render;
    this.thread = Thread.ofPlatform().name("hoptrace-results").start(this::loop);
  }

  @Override
  public void completed(TraceResult result) {
    pending.add(result);
    if (pending.size() >= BATCH) {
      handOver();
    }
  }

  @Override
  public void caughtUp() {
    if (!pending.isEmpty()) {
      handOver();
    }
  }

  private void handOver() {
    if (failure != null) {
      throw failure;
    }
    put(pending);
    pending = new ArrayList<>();
  }

  private void put(List<TraceResult> batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing results over", e);
    }
  }

  private void loop() {
    try {
      while (true) {
        List<TraceResult> batch = queue.take();
        if (batch == STOP) {
          return;
        }
        for (TraceResult result : batch) {
          out.println(render.apply(result));
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Writes what is held and queued, then stops the thread. */
  @Override
  public void close() {
    if (!pending.isEmpty() && failure == null) {
      put(pending);
      pending = new ArrayList<>();
    }
    if (failure == null) {
      put(STOP);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
