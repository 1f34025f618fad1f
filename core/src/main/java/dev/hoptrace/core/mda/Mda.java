package dev.hoptrace.core.mda;

import dev.hoptrace.core.mda.MultipathResult.End;
import dev.hoptrace.core.net.NetworkException;
import java.util.Objects;

/**
 * Multipath tracing: finds every interface and edge that per-flow load balancers spread flows over,
 * hop by hop, with the MDA's stopping rule bounding the chance of missing a next hop at each vertex
 * (see docs/mda.md).
 *
 * <p>Each TTL is explored from the vertices one hop before (classic MDA with node control, or
 * MDA-Lite's whole-hop probing with a meshing test); a meshed hop is checked for per-packet
 * balancing. The first hop is found with one flow, and a hop with one interface stands for flows
 * not probed there (TraceState). The trace ends when every branch reached the destination or went silent for the gap limit, at the
 * maximum TTL, or when the probe budget runs out.
 */
public final class Mda {
  private final MdaSettings settings;

  public Mda(MdaSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public MultipathResult trace(FlowProber prober) throws NetworkException {
    TraceState state = new TraceState(Objects.requireNonNull(prober, "prober"), settings);
    StoppingRule rule = StoppingRule.of(settings.confidence());
    NodeControl nodeControl = new NodeControl(state, rule);
    PerPacketCheck perPacket = new PerPacketCheck(state, rule);
    MdaLite lite = new MdaLite(state, rule, nodeControl, perPacket);
    End end = null;
    for (int ttl = settings.firstTtl(); end == null; ttl++) {
      if (state.groups(ttl).isEmpty()) {
        end = state.destinationReached() ? End.DESTINATION_REACHED : End.GAP_LIMIT;
      } else if (ttl > settings.maxTtl()) {
        end = End.MAX_TTL;
      } else if (ttl == 1 && state.firstHop()) {
        state.settle(ttl); // the host's own first hop, from one flow
      } else {
        if (settings.variant() == MdaSettings.Variant.MDA_LITE) {
          lite.explore(ttl);
        } else {
          nodeControl.explore(ttl);
          if (state.meshed(ttl) && perPacket.afterMeshing(ttl)) {
            nodeControl.explore(ttl);
          }
        }
        state.settle(ttl);
      }
      if (state.outOfBudget()) {
        end = End.PROBE_BUDGET;
      }
    }
    return state.result(end);
  }
}
