package dev.hoptrace.cli.live;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Diagnosis;
import dev.hoptrace.core.live.DirectChecker;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.stats.HopSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One target's continuous trace on a thread of its own, with a second thread that now and then
 * probes suspect hops directly for the diagnosis. Both run inside a {@link Confinement} (the lab's
 * client namespace, or nowhere special). The engine publishes snapshots; this keeps the newest.
 */
public final class TargetRunner implements LiveTarget {

  /** Where a target's threads must run their work, e.g. inside a network namespace. */
  @FunctionalInterface
  public interface Confinement {
    void run(Callable<Void> work) throws Exception;

    Confinement NONE = Callable::call;
  }

  /** How often the live view re-checks suspect hops directly. */
  private static final Duration CHECK_PERIOD = Duration.ofSeconds(20);

  private final String label;
  private final TraceRequest request;
  private final LiveControl control = new LiveControl();
  private final AtomicReference<LiveSnapshot> latest = new AtomicReference<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile String failure;
  private volatile NetworkException openFailure;

  private TargetRunner(String label, TraceRequest request) {
    this.label = label;
    this.request = request;
  }

  /**
   * Starts the trace.
   *
   * @param onUpdate called on the engine thread with every snapshot (e.g. to start name lookups)
   * @param checkPeriodically whether to probe suspect hops directly every so often while it runs
   */
  public static TargetRunner start(String label, TraceRequest request, RoundPolicy policy,
      Network network, Confinement confinement, Consumer<LiveSnapshot> onUpdate,
      boolean checkPeriodically) {
    TargetRunner runner = new TargetRunner(label, request);
    LiveListener listener = snapshot -> {
      runner.latest.set(snapshot);
      runner.started.countDown();
      onUpdate.accept(snapshot);
    };
    Thread engine = new Thread(() -> runner.trace(network, confinement, policy, listener),
        "hoptrace-live-" + label);
    engine.setDaemon(true);
    engine.start();
    if (checkPeriodically) {
      Thread checker = new Thread(() -> runner.checkPeriodically(network, confinement),
          "hoptrace-check-" + label);
      checker.setDaemon(true);
      checker.start();
    }
    return runner;
  }

  private void trace(Network network, Confinement confinement, RoundPolicy policy,
      LiveListener listener) {
    try {
      confinement.run(() -> {
        new LiveTracer(network).run(request, policy, listener, control);
        return null;
      });
    } catch (NetworkException e) {
      if (latest.get() == null) {
        openFailure = e;
      }
      failure = e.getMessage();
    } catch (Exception | Error e) {
      failure = "the trace stopped: " + e;
    } finally {
      started.countDown();
      finished.countDown();
    }
  }

  private void checkPeriodically(Network network, Confinement confinement) {
    try {
      confinement.run(() -> {
        DirectChecker checker = new DirectChecker(network);
        while (!finished.await(CHECK_PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
          LiveSnapshot now = latest.get();
          if (now != null && !control.paused()) {
            List<HopSnapshot> suspects = Diagnosis.suspects(now.hops());
            control.directChecks(checker.check(request, suspects));
          }
        }
        return null;
      });
    } catch (Exception e) {
      // checks are an extra: without them the diagnosis stays unconfirmed
    }
  }

  /**
   * Waits until the engine published its first snapshot.
   *
   * @throws NetworkException when the sockets could not be opened (no permission, no route)
   */
  public void awaitStart() throws NetworkException, InterruptedException {
    started.await();
    if (openFailure != null) {
      throw openFailure;
    }
    if (latest.get() == null) {
      throw new IllegalStateException(failure != null ? failure : "the trace did not start");
    }
  }

  /** Waits until the run ended (its rounds are done, or it was stopped). */
  public void awaitFinished() throws InterruptedException {
    finished.await();
  }

  /** Waits at most {@code limit} for the run to end; returns whether it did. */
  public boolean awaitFinished(Duration limit) throws InterruptedException {
    return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public LiveSnapshot latest() {
    return latest.get();
  }

  @Override
  public LiveControl control() {
    return control;
  }

  @Override
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public TraceRequest request() {
    return request;
  }
}
