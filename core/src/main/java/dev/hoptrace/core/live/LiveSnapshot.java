package dev.hoptrace.core.live;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.anatomy.PathAnatomy;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A continuous trace at one moment. Immutable: the engine publishes a new one as replies arrive and
 * when a round ends, and renderers read whichever is newest without touching engine state.
 *
 * @param request what is traced and how
 * @param session how the probes are sent
 * @param rounds rounds completed
 * @param hops the hops of the path as known now, in TTL order from the first TTL to the
 *     destination (or, while it has not answered, one hop past the last that did)
 * @param destinationTtl the TTL at which the destination answers, 0 while it has not
 * @param drops replies that were not tied to a probe
 * @param problem what is going wrong right now (sends failing, a receive error), cleared by the
 *     first round that runs without one
 * @param paused whether the user paused new rounds
 * @param finished whether the run has ended (its rounds are done or it was stopped)
 * @param elapsedNanos time since the run started, on the session clock
 * @param findings the diagnosis as of the last completed round
 * @param notSent probes the network refused since the statistics began (they count as lost)
 * @param pathMtu what path MTU discovery ({@code --mtu}) found once before the first round; empty
 *     without it
 */
public record LiveSnapshot(
    TraceRequest request,
    SessionInfo session,
    long rounds,
    List<HopSnapshot> hops,
    int destinationTtl,
    DropCounts drops,
    Optional<String> problem,
    boolean paused,
    boolean finished,
    long elapsedNanos,
    List<Finding> findings,
    SendFailures notSent,
    Optional<PathMtu> pathMtu) {

  public LiveSnapshot {
    hops = List.copyOf(hops);
    findings = List.copyOf(findings);
    Objects.requireNonNull(pathMtu, "pathMtu");
  }

  /** A moment of a trace without path MTU discovery. */
  public LiveSnapshot(TraceRequest request, SessionInfo session, long rounds,
      List<HopSnapshot> hops, int destinationTtl, DropCounts drops, Optional<String> problem,
      boolean paused, boolean finished, long elapsedNanos, List<Finding> findings,
      SendFailures notSent) {
    this(request, session, rounds, hops, destinationTtl, drops, problem, paused, finished,
        elapsedNanos, findings, notSent, Optional.empty());
  }

  /** A moment at which every probe went out. */
  public LiveSnapshot(TraceRequest request, SessionInfo session, long rounds,
      List<HopSnapshot> hops, int destinationTtl, DropCounts drops, Optional<String> problem,
      boolean paused, boolean finished, long elapsedNanos, List<Finding> findings) {
    this(request, session, rounds, hops, destinationTtl, drops, problem, paused, finished,
        elapsedNanos, findings, SendFailures.NONE);
  }

  public boolean reached() {
    return destinationTtl > 0;
  }

  /**
   * The path anatomy of {@link #hops()} (NAT, TOS re-marking, odd quoted TTLs, return-path
   * length, and with {@code --mtu} where the MTU dropped), one entry per hop in the same order:
   * the one model every live renderer shows.
   */
  public List<HopAnatomy> anatomy() {
    List<HopAnatomy> anatomy =
        PathAnatomy.of(hops.stream().map(HopSnapshot::evidence).toList(), request.tos());
    if (pathMtu.isEmpty()) {
      return anatomy;
    }
    return anatomy.stream().map(hop -> {
      OptionalInt mtu = pathMtu.get().dropAt(hop.ttl());
      return mtu.isPresent() ? hop.withLearnedMtu(mtu.getAsInt()) : hop;
    }).toList();
  }

  /** The same moment with another diagnosis (after hops were checked directly). */
  public LiveSnapshot withFindings(List<Finding> revised) {
    return new LiveSnapshot(request, session, rounds, hops, destinationTtl, drops, problem, paused,
        finished, elapsedNanos, revised, notSent, pathMtu);
  }

  /** The same moment with what path MTU discovery found before the rounds. */
  public LiveSnapshot withPathMtu(PathMtu found) {
    return new LiveSnapshot(request, session, rounds, hops, destinationTtl, drops, problem, paused,
        finished, elapsedNanos, findings, notSent, Optional.of(found));
  }
}
