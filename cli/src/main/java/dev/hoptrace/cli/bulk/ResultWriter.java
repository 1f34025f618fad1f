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
 * engine its rate. A full queue makes the engine wait (the output sets the pace, nothing is
 * dropped). Lines are flushed whenever the queue runs empty, so each one appears as soon as it is
 * done at low rates, and in large writes at high ones; {@link #close} writes everything queued.
 */
public final class ResultWriter implements BulkListener, AutoCloseable {
  private static final int CAPACITY = 8192;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final PrintStream out;
  private final Function<TraceResult, String> render;
  private final Thread thread;
  private volatile RuntimeException failure;
  private long written;

  public ResultWriter(PrintStream out, Function<TraceResult, String> render) {
    this.out = out;
    this.render = render;
    this.thread = Thread.ofPlatform().name("hoptrace-results").start(this::loop);
  }

  @Override
  public void completed(TraceResult result) {
    if (failure != null) {
      throw failure;
    }
    try {
      queue.put(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing a result", e);
    }
  }

  private void loop() {
    List<Object> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        for (Object item : batch) {
          if (item == Stop.STOP) {
            out.flush();
            return;
          }
          out.println(render.apply((TraceResult) item));
          written++;
        }
        batch.clear();
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private enum Stop { STOP }

  /** Results written so far (after {@link #close}: all of them). */
  public long written() {
    return written;
  }

  /** Writes what is queued, then stops the thread. */
  @Override
  public void close() {
    try {
      queue.put(Stop.STOP);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
