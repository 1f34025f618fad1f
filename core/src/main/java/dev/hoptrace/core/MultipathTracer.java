package dev.hoptrace.core;

import dev.hoptrace.core.engine.SessionFlowProber;
import dev.hoptrace.core.mda.FlowPaths;
import dev.hoptrace.core.mda.Mda;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.SessionInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs multipath (MDA / MDA-Lite) traces over a {@link Network}: one Paris session, flows told
 * apart by the fields balancers hash (docs/mda.md).
 */
public final class MultipathTracer {
  private final Network network;

  public MultipathTracer(Network network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * What a multipath trace found and what it cost.
   *
   * @param packetsSent probes on the wire, retries of silent flows included
   * @param elapsedNanos on the session clock
   */
  public record Run(MultipathResult result, SessionInfo session, long packetsSent,
      long elapsedNanos, DropCounts dropped) {}

  /** Fixed flows each traced on its own, and what it cost (as {@link Run}). */
  public record FlowsRun(List<FlowPaths.Path> paths, SessionInfo session, long packetsSent,
      long elapsedNanos, DropCounts dropped) {}

  /**
   * Traces to {@code request}'s destination with its protocol, mode, port, wait and addresses;
   * its flow (Paris) is forced on, as every MDA flow must keep its fields. TTLs, gap limit and
   * budget come from {@code settings}.
   *
   * @param attempts sends of a flow at one TTL before it counts as silent
   * @throws IllegalArgumentException for TCP, which has one flow
   */
  public Run trace(TraceRequest request, MdaSettings settings, int attempts)
      throws NetworkException {
    if (request.protocol() == dev.hoptrace.core.net.Protocol.TCP) {
      throw new IllegalArgumentException(SessionFlowProber.TCP_HAS_ONE_FLOW);
    }
    TraceRequest paris = request.paris() ? request : withFlowZero(request);
    try (ProbeSession session = network.open(paris.sessionSpec())) {
      SessionFlowProber prober = new SessionFlowProber(session, paris, attempts);
      long start = session.now();
      MultipathResult result = new Mda(settings).trace(prober);
      return new Run(result, session.info(), prober.probesSent(), session.now() - start,
          prober.dropped());
    }
  }

  /**
   * Traces flows 0..{@code flows} − 1 hop by hop, each on its own path (Dublin traceroute),
   * with {@code request}'s TTLs and gap limit; no stopping rule.
   */
  public FlowsRun traceFlows(TraceRequest request, int flows, int attempts)
      throws NetworkException {
    if (request.protocol() == dev.hoptrace.core.net.Protocol.TCP) {
      throw new IllegalArgumentException(SessionFlowProber.TCP_HAS_ONE_FLOW);
    }
    if (flows < 1 || flows > FlowId.MAX + 1) {
      throw new IllegalArgumentException("flows (--flows) must be 1.." + (FlowId.MAX + 1)
          + ", got " + flows);
    }
    TraceRequest paris = request.paris() ? request : withFlowZero(request);
    try (ProbeSession session = network.open(paris.sessionSpec())) {
      SessionFlowProber prober = new SessionFlowProber(session, paris, attempts);
      long start = session.now();
      List<FlowPaths.Path> paths = FlowPaths.trace(prober, flows, request.firstTtl(),
          request.maxTtl(), request.gapLimit());
      return new FlowsRun(paths, session.info(), prober.probesSent(), session.now() - start,
          prober.dropped());
    }
  }

  private static TraceRequest withFlowZero(TraceRequest r) {
    return new TraceRequest(r.destination(), r.hostName(), r.protocol(), r.mode(), r.port(),
        r.fixedPort(), r.firstTtl(), r.maxTtl(), r.probesPerHop(), r.maxInFlight(), r.sendWait(),
        r.replyWait(), r.gapLimit(), r.source(), r.interfaceName(), r.tos(), r.packetLength(),
        Optional.of(new FlowId(0)), r.discoverMtu());
  }
}
