package dev.hoptrace.cli;

import dev.hoptrace.cli.live.TargetRunner;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.ResponderShare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts one continuous trace per target of a {@link WatchPlace} and hands back their runners. */
final class WatchRun {
  /** Longer than an engine's longest sleep between two looks at its controls (0.1 s). */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private WatchRun() {}

  /**
   * Validates every request first (so a bad option sends nothing), then starts each target and
   * waits until each has opened its sockets.
   *
   * @throws NetworkException when a target's sockets cannot be opened; the others are stopped
   */
  static List<TargetRunner> start(WatchCommand command, WatchPlace place, RoundPolicy policy,
      boolean checkPeriodically) throws UserError, NetworkException, InterruptedException {
    List<TraceRequest> requests = new ArrayList<>();
    for (WatchPlace.Target target : place.targets()) {
      requests.add(command.request(target.address(), target.host()));
    }
    HopFacts facts = place.facts();
    List<TargetRunner> runners = new ArrayList<>();
    for (TraceRequest request : requests) {
      runners.add(TargetRunner.start(request.hostName(), request, policy, place.network(),
          place.confinement(), snapshot -> prefetch(facts, snapshot),
          checkPeriodically));
    }
    try {
      for (TargetRunner runner : runners) {
        runner.awaitStart();
      }
    } catch (NetworkException | InterruptedException | RuntimeException e) {
      stop(runners);
      throw e;
    }
    return runners;
  }

  /**
   * Stops every run and waits briefly for each to close its sockets, so that a lab is not torn
   * down under a trace that is still sending.
   */
  static void stop(List<TargetRunner> runners) throws InterruptedException {
    for (TargetRunner runner : runners) {
      runner.control().stop();
    }
    for (TargetRunner runner : runners) {
      runner.awaitFinished(STOP_WAIT);
    }
  }

  /**
   * Starts name, AS and place lookups as responders appear, so they are ready when a frame is
   * drawn or the report printed.
   */
  private static void prefetch(HopFacts facts, LiveSnapshot snapshot) {
    for (HopSnapshot hop : snapshot.hops()) {
      for (ResponderShare responder : hop.responders()) {
        facts.prefetch(responder.address());
      }
    }
  }
}
