package dev.hoptrace.core.engine;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.mda.Answer;
import dev.hoptrace.core.mda.FlowProber;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The multipath algorithms' prober over a real (or simulated) Paris session: flow number n is
 * {@link FlowId} n, whose hashed fields (UDP destination port, ICMP echo checksum) stay the same at
 * every TTL while the probe's identity moves to where balancers do not look, as in a Paris trace.
 *
 * <p>A batch puts every flow's probe in flight at once and waits once. Replies are tied to probes
 * only through the {@link Matcher}. Waits adapt as the engine's do (a multiple of the RTTs the path
 * showed, capped at the maximum), but never drop below the policy's tail floor: the MDA takes
 * silence as final, so a probe given up early would hide a branch, while a batch whose probes all
 * answered never waits at all. Silent flows are sent again up to {@code attempts} times.
 *
 * <p>What a reply means for a flow:
 *
 * <ul>
 *   <li>Time Exceeded: {@link Answer.Router} (the responder).
 *   <li>Anything from the destination address (echo reply, port unreachable, TCP): {@link
 *       Answer.Destination}.
 *   <li>Any other error from a router (unreachable, too big, parameter problem): {@link
 *       Answer.Destination} of that router. No later TTL gets past it on this flow, so the flow's
 *       path ends there; calling it a router would make the MDA probe on into silence.
 * </ul>
 */
public final class SessionFlowProber implements FlowProber, ReplySink {
  /** Why TCP is refused: the MDA needs many flows and a TCP session carries one. */
  public static final String TCP_HAS_ONE_FLOW = "multipath tracing needs many flows and TCP"
      + " probes carry one (the session's single source port); use UDP (default) or ICMP (-I)";

  private final ProbeSession session;
  private final TraceRequest request;
  private final int attempts;
  private final Matcher matcher;
  private final InFlight inFlight;
  private final HopTable table;
  private final AdaptiveWait wait;
  private final long floor;
  private final int sequenceSpace;
  private final Map<ProbeSlot, Integer> flowOf = new HashMap<>();
  private final Map<Integer, Answer> answers = new HashMap<>();
  private int nextSequence;
  private long probesSent;

  /**
   * @param session a session opened from {@code request.sessionSpec()} with Paris on
   * @param request destination, protocol, port and reply wait; must be a Paris request
   * @param attempts how many times a silent flow is sent before it counts as silent, 1..10
   */
  public SessionFlowProber(ProbeSession session, TraceRequest request, int attempts) {
    if (request.protocol() == Protocol.TCP) {
      throw new IllegalArgumentException(TCP_HAS_ONE_FLOW);
    }
    if (!request.paris()) {
      throw new IllegalArgumentException("a flow prober needs a Paris request (every probe on a"
          + " fixed flow)");
    }
    if (attempts < 1 || attempts > 10) {
      throw new IllegalArgumentException("attempts must be 1..10, got " + attempts);
    }
    this.session = session;
    this.request = request;
    this.attempts = attempts;
    this.matcher = new Matcher(request.destination());
    this.inFlight = new InFlight(matcher, session);
    this.table = new HopTable(1, 255, 0);
    WaitPolicy policy = request.replyWait();
    this.wait = new AdaptiveWait(policy);
    this.floor = Math.min(policy.max().toNanos(), policy.tailFloor().toNanos());
    this.sequenceSpace = request.protocol() == Protocol.UDP ? 65535 : 65536;
  }

  /** Packets sent so far, retries included. */
  public long probesSent() {
    return probesSent;
  }

  /** Replies dropped so far: unmatched, late, duplicate, malformed. */
  public dev.hoptrace.core.DropCounts dropped() {
    return matcher.counts();
  }

  @Override
  public Map<Integer, Answer> probe(int ttl, List<Integer> flows) throws NetworkException {
    answers.clear();
    List<Integer> pending = flows;
    for (int attempt = 0; attempt < attempts && !pending.isEmpty(); attempt++) {
      sendAll(ttl, pending);
      awaitAll();
      pending = pending.stream().filter(flow -> !answers.containsKey(flow)).toList();
    }
    return Map.copyOf(answers);
  }

  private void sendAll(int ttl, List<Integer> flows) throws NetworkException {
    for (int flow : flows) {
      if (flow < 0 || flow > FlowId.MAX) {
        throw new NetworkException(NetworkException.Reason.OTHER, "multipath trace wants flow "
            + flow + ", past the " + (FlowId.MAX + 1) + " flows a session can tell apart; lower"
            + " --max-probes");
      }
      ProbeSlot slot = new ProbeSlot(ttl, flow, nextSequence);
      nextSequence = (nextSequence + 1) % sequenceSpace;
      slot.sent = session.send(outgoing(ttl, new FlowId(flow), slot.sequence));
      slot.deadline = deadline(slot);
      inFlight.add(slot);
      flowOf.put(slot, flow);
      probesSent++;
    }
  }

  private OutgoingProbe outgoing(int ttl, FlowId flow, int sequence) {
    return request.protocol() == Protocol.UDP
        ? new OutgoingProbe(ttl, 0, flow.udpPort(request.port()), sequence)
        : new OutgoingProbe(ttl, 0, 0, sequence, flow.icmpChecksum());
  }

  private void awaitAll() throws NetworkException {
    while (true) {
      inFlight.expire(session.now(), flowOf::remove);
      if (inFlight.isEmpty()) {
        return;
      }
      session.receive(inFlight.earliestDeadline(), this);
    }
  }

  private long deadline(ProbeSlot slot) {
    return Math.max(wait.deadline(slot, table), slot.sent.sentAt() + floor);
  }

  @Override
  public void accept(Reply reply) {
    ProbeSlot slot = matcher.match(reply);
    if (slot == null) {
      return;
    }
    inFlight.answered(slot);
    int flow = flowOf.remove(slot);
    table.answered(slot.ttl, Math.max(0, reply.receivedAt() - slot.sent.sentAt()));
    answers.putIfAbsent(flow, meaning(reply));
    inFlight.reschedule(this::deadline);
  }

  private Answer meaning(Reply reply) {
    InetAddress from = reply.responder();
    if (from.equals(request.destination())) {
      return new Answer.Destination(from);
    }
    return reply.kind() == ReplyKind.TIME_EXCEEDED
        ? new Answer.Router(from)
        : new Answer.Destination(from);
  }

  @Override
  public void malformed(String why) {
    matcher.malformed();
  }

  @Override
  public void foreign(String why) {
    matcher.foreign();
  }
}
