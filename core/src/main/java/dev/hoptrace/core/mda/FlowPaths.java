package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed number of Paris flows traced hop by hop, each flow's path on its own (as Dublin
 * traceroute does): no stopping rule, so it says which paths these flows took, not that there
 * are no others. All still-open flows go out as one batch per TTL; a flow is done once the
 * destination (or an unreachable router) answered or it was silent for the gap limit.
 */
public final class FlowPaths {
  private FlowPaths() {}

  /**
   * One flow's path.
   *
   * @param flow the flow number
   * @param hops the answer at each TTL from the first, up to where the flow ended
   */
  public record Path(int flow, int firstTtl, List<Answer> hops) {
    public Path {
      hops = List.copyOf(hops);
    }

    /** Whether the destination (or a router that ends the path) answered last. */
    public boolean ended() {
      return !hops.isEmpty() && hops.getLast() instanceof Answer.Destination;
    }
  }

  /**
   * Traces flows 0..{@code flows} − 1 from {@code firstTtl} to at most {@code maxTtl}.
   *
   * @return the paths, by flow
   */
  public static List<Path> trace(FlowProber prober, int flows, int firstTtl, int maxTtl,
      int gapLimit) throws NetworkException {
    if (flows < 1 || firstTtl < 1 || firstTtl > maxTtl || gapLimit < 1) {
      throw new IllegalArgumentException("need flows >= 1, 1 <= first TTL <= max TTL, gap >= 1");
    }
    List<List<Answer>> paths = new ArrayList<>();
    int[] silentRun = new int[flows];
    boolean[] done = new boolean[flows];
    for (int flow = 0; flow < flows; flow++) {
      paths.add(new ArrayList<>());
    }
    for (int ttl = firstTtl; ttl <= maxTtl; ttl++) {
      List<Integer> open = new ArrayList<>();
      for (int flow = 0; flow < flows; flow++) {
        if (!done[flow]) {
          open.add(flow);
        }
      }
      if (open.isEmpty()) {
        break;
      }
      var answers = prober.probe(ttl, open);
      for (int flow : open) {
        Answer answer = answers.getOrDefault(flow, Answer.SILENT);
        paths.get(flow).add(answer);
        silentRun[flow] = answer instanceof Answer.Silent ? silentRun[flow] + 1 : 0;
        done[flow] = answer instanceof Answer.Destination || silentRun[flow] >= gapLimit;
      }
    }
    List<Path> result = new ArrayList<>();
    for (int flow = 0; flow < flows; flow++) {
      result.add(new Path(flow, firstTtl, paths.get(flow)));
    }
    return result;
  }
}
