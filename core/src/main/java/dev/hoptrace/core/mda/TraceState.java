package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one multipath trace has learnt, and its only way to send: each flow's first answer at
 * each TTL, the hops built from them, and the probe budget.
 */
final class TraceState {
  private final FlowProber prober;
  private final MdaSettings settings;
  /** Indexed by flow, then TTL; null where the flow was not probed. */
  private final List<Answer[]> answers = new ArrayList<>();
  private final TreeMap<Integer, HopRecord> hops = new TreeMap<>();
  private int sent;
  private boolean outOfBudget;
  /** The last TTL whose exploration is finished: its interfaces are final for this trace. */
  private int settled;

  TraceState(FlowProber prober, MdaSettings settings) {
    this.prober = prober;
    this.settings = settings;
    this.settled = settings.firstTtl() - 1;
  }

  /** The exploration of {@code ttl} is finished: what it found may now stand for other flows. */
  void settle(int ttl) {
    settled = Math.max(settled, ttl);
  }

  /**
   * The interface every flow passes at {@code ttl}, when that is known without probing: a settled
   * hop where all the flows probed answered from one router (the stopping rule's n_1 found no
   * second, or the first hop, see {@link #firstHop}), and no path ended at or before it. A flow not
   * probed there is taken to pass it, as a flow probed there would have; null when not so.
   */
  InetAddress implied(int ttl) {
    if (ttl > settled || ttl < settings.firstTtl()) {
      return null;
    }
    HopRecord hop = hops.get(ttl);
    return hop == null || destinationBefore(ttl + 1) ? null : hop.onlyRouter();
  }

  /**
   * The first hop from one flow. It is the host's own routing decision, so, as scamper's tracelb
   * does, the trace does not test the host for balancing: one flow finds it, and it stands for all
   * flows ({@link #implied}). False when that flow went unanswered: the hop is then explored as
   * any other.
   */
  boolean firstHop() throws NetworkException {
    int ttl = settings.firstTtl();
    send(ttl, newFlows(1));
    return !(answer(0, ttl) instanceof Answer.Silent);
  }

  /**
   * Sends one flow from each vertex before {@code ttl} that has none there yet, before the hop is
   * probed in earnest: a vertex whose flow reaches the destination is then done ({@link
   * VertexFlows#closed}), and the flows sent count toward every rule after.
   */
  void scout(int ttl) throws NetworkException {
    List<Integer> scouts = new ArrayList<>();
    for (VertexFlows vertex : groups(ttl).values()) {
      if (vertex.probed.isEmpty() && !vertex.unprobed.isEmpty()) {
        scouts.add(vertex.unprobed.getFirst());
      }
    }
    send(ttl, scouts);
  }

  /**
   * Whether flows at {@code ttl} cross between branches: some vertex before has two next hops
   * here and some interface here two vertices before it. Per-flow meshing looks like this, and so
   * does a per-packet balancer one hop before whose flows then land at random.
   */
  boolean meshed(int ttl) {
    Map<Answer, Integer> inDegree = new java.util.HashMap<>();
    long widest = 0;
    for (VertexFlows vertex : groups(ttl).values()) {
      if (vertex.vertex.address().isEmpty()) {
        continue;
      }
      widest = Math.max(widest, vertex.answeringSuccessors());
      for (Answer next : vertex.successors) {
        if (!(next instanceof Answer.Silent)) {
          inDegree.merge(next, 1, Integer::sum);
        }
      }
    }
    return widest >= 2 && inDegree.values().stream().anyMatch(in -> in >= 2);
  }

  /** Hands out {@code count} flows never used before. */
  List<Integer> newFlows(int count) {
    List<Integer> flows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      flows.add(answers.size());
      answers.add(new Answer[settings.maxTtl() + 1]);
    }
    return flows;
  }

  int flowCount() {
    return answers.size();
  }

  /** The flow's first answer at {@code ttl}, or null when it was not probed there. */
  Answer answer(int flow, int ttl) {
    return ttl >= settings.firstTtl() && ttl <= settings.maxTtl() ? answers.get(flow)[ttl] : null;
  }

  /** The algorithm wanted a probe the budget did not allow. */
  boolean outOfBudget() {
    return outOfBudget;
  }

  /** Probes {@code flows} at {@code ttl} as one batch, as far as the budget reaches. */
  void send(int ttl, List<Integer> flows) throws NetworkException {
    if (flows.isEmpty()) {
      return;
    }
    List<Integer> batch = List.copyOf(flows);
    int allowed = settings.maxProbes() - sent;
    if (allowed < batch.size()) {
      outOfBudget = true;
      batch = batch.subList(0, Math.max(0, allowed));
      if (batch.isEmpty()) {
        return;
      }
    }
    Map<Integer, Answer> got = prober.probe(ttl, batch);
    sent += batch.size();
    hop(ttl).countProbes(batch.size());
    for (int flow : batch) {
      Answer answer = got.get(flow);
      record(flow, ttl, answer == null ? Answer.SILENT : answer);
    }
  }

  /**
   * Probes new or partly known flows at {@code ttl} and, for those silent there, one TTL further
   * back until each has answered (or the gap limit or the source side is reached), so that each
   * ends up with a {@link #vertex} at {@code ttl}.
   */
  void locate(List<Integer> flows, int ttl) throws NetworkException {
    List<Integer> pending = flows;
    for (int at = ttl; at >= settings.firstTtl() && ttl - at < settings.gapLimit(); at--) {
      if (implied(at) != null) {
        return; // every flow passes the hop's one interface: nothing to learn by probing
      }
      int t = at;
      send(t, pending.stream().filter(flow -> answer(flow, t) == null).toList());
      pending = pending.stream().filter(flow -> answer(flow, t) instanceof Answer.Silent).toList();
      if (pending.isEmpty()) {
        return;
      }
    }
  }

  /**
   * Gives every interface at {@code ttl} with no edge into it yet one: a flow that reached it and
   * was never probed one hop before is traced back. Interfaces turn up without an edge when they
   * were reached by new flows sent straight to their TTL.
   */
  void linkOrphans(int ttl) throws NetworkException {
    HopRecord hop = hops.get(ttl);
    if (hop == null || ttl <= settings.firstTtl()) {
      return;
    }
    Set<InetAddress> orphans = new HashSet<>();
    List<Integer> back = new ArrayList<>();
    for (int flow = 0; flow < answers.size(); flow++) {
      InetAddress at = addressOf(answer(flow, ttl));
      if (at != null && !hop.linksInto(at) && answer(flow, ttl - 1) == null && orphans.add(at)) {
        back.add(flow);
      }
    }
    locate(back, ttl - 1);
  }

  /** The address that answered, or null for silence and for a flow not probed. */
  static InetAddress addressOf(Answer answer) {
    return switch (answer) {
      case null -> null;
      case Answer.Router router -> router.address();
      case Answer.Destination end -> end.address();
      case Answer.Silent silent -> null;
    };
  }

  /**
   * Where {@code flow} is known to be at {@code ttl}, for exploring {@code ttl + 1}: the interface
   * that last answered for it. Empty when the flow's path ended, it was silent for the gap limit,
   * or it was not probed far enough to tell.
   */
  Optional<Vertex> vertex(int flow, int ttl) {
    for (int at = ttl; at >= settings.firstTtl(); at--) {
      if (ttl - at >= settings.gapLimit()) {
        return Optional.empty();
      }
      switch (answer(flow, at)) {
        case null -> {
          InetAddress only = implied(at);
          return only == null ? Optional.empty() : Optional.of(Vertex.at(at, only));
        }
        case Answer.Destination end -> {
          return Optional.empty();
        }
        case Answer.Router router -> {
          return Optional.of(
              perPacketSince(at) ? Vertex.anywhere(at) : Vertex.at(at, router.address()));
        }
        case Answer.Silent silent -> {} // look one hop further back
      }
    }
    int source = settings.firstTtl() - 1;
    return ttl - source >= settings.gapLimit()
        ? Optional.empty()
        : Optional.of(Vertex.anywhere(source));
  }

  /** The flows that can be explored at {@code ttl}, grouped by their vertex one TTL before. */
  Map<Vertex, VertexFlows> groups(int ttl) {
    Map<Vertex, VertexFlows> groups = new LinkedHashMap<>();
    if (ttl == settings.firstTtl()) {
      // Every flow starts at the source side, even one not handed out yet.
      Vertex source = Vertex.anywhere(ttl - 1);
      groups.put(source, new VertexFlows(source));
    }
    for (int flow = 0; flow < answers.size(); flow++) {
      int f = flow;
      vertex(flow, ttl - 1).ifPresent(vertex ->
          groups.computeIfAbsent(vertex, VertexFlows::new).add(f, answer(f, ttl)));
    }
    return groups;
  }

  /**
   * Whether a flow's place at {@code ttl} is a matter of chance: this hop balances per packet, or
   * one before it did and the paths have not met in a single interface since.
   */
  boolean perPacketSince(int ttl) {
    for (int at = ttl; at >= settings.firstTtl(); at--) {
      HopRecord hop = hops.get(at);
      if (hop == null || (hop.interfaceCount() <= 1 && !hop.perPacket())) {
        return false;
      }
      if (hop.perPacket()) {
        return true;
      }
    }
    return false;
  }

  /** Whether anything was sent to {@code ttl} yet. */
  boolean probed(int ttl) {
    return hops.containsKey(ttl);
  }

  HopRecord hop(int ttl) {
    return hops.computeIfAbsent(ttl, HopRecord::new);
  }

  /** Whether the destination answered some flow at a TTL before {@code ttl}. */
  boolean destinationBefore(int ttl) {
    return hops.headMap(ttl).values().stream().anyMatch(HopRecord::destination);
  }

  boolean destinationReached() {
    return hops.values().stream().anyMatch(HopRecord::destination);
  }

  MultipathResult result(MultipathResult.End end) {
    return new MultipathResult(
        hops.values().stream().map(HopRecord::toHop).toList(), end, settings, sent);
  }

  private void record(int flow, int ttl, Answer answer) {
    Answer[] row = answers.get(flow);
    Answer first = row[ttl];
    HopRecord hop = hop(ttl);
    hop.answered(answer);
    if (first == null) {
      row[ttl] = answer;
    } else if (first instanceof Answer.Router was
        && answer instanceof Answer.Router now
        && !was.equals(now)) {
      hop.markPerPacket(); // the same flow, the same TTL, another interface
    }
    linkInto(flow, ttl, answer);
    if (first == null) {
      // This answer may close the gap behind the flow's next answer further out.
      for (int at = ttl + 1; at <= settings.maxTtl() && row[at] != null; at++) {
        if (!(row[at] instanceof Answer.Silent)) {
          linkInto(flow, at, row[at]);
          break;
        }
      }
    }
  }

  /** Records the edge from the flow's last answering interface before {@code ttl}, if known. */
  private void linkInto(int flow, int ttl, Answer answer) {
    InetAddress to = addressOf(answer);
    if (to == null) {
      return;
    }
    Answer[] row = answers.get(flow);
    for (int at = ttl - 1; at >= settings.firstTtl(); at--) {
      switch (row[at]) {
        case null -> {
          InetAddress only = implied(at);
          if (only != null) {
            hop(ttl).link(at, only, to, flow);
          }
          return;
        }
        case Answer.Destination end -> {
          return;
        }
        case Answer.Router router -> {
          hop(ttl).link(at, router.address(), to, flow);
          return;
        }
        case Answer.Silent silent -> {}
      }
    }
  }
}
