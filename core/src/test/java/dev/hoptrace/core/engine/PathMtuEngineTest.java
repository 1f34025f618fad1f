package dev.hoptrace.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine against routers that report odd MTUs, which real and simulated links cannot
 * produce: an IPv6 MTU below 1280, and an IPv4 router from before RFC 1191 that reports 0.
 */
class PathMtuEngineTest {

  /**
   * Hop k answers Time Exceeded; a probe longer than link k (after hop k) gets Packet Too Big
   * from hop k reporting {@code reported[k]}; the destination is one past the last link.
   */
  private record NarrowPath(boolean ipv6, int[] linkMtu, int[] reported) implements Network {
    InetAddress hop(int k) {
      return InetAddress.ofLiteral(ipv6 ? "2001:db8::" + k : "198.18." + k + ".2");
    }

    InetAddress destination() {
      return hop(linkMtu.length + 1);
    }

    @Override
    public ProbeSession open(SessionSpec spec) {
      return new ProbeSession() {
        private final ArrayDeque<Reply> replies = new ArrayDeque<>();
        private long clock;

        @Override
        public SessionInfo info() {
          return new SessionInfo(ProbeMode.RAW, "narrow path", "", hop(0), true);
        }

        @Override
        public long now() {
          return clock;
        }

        @Override
        public SentProbe send(OutgoingProbe probe) {
          WireKey key = new WireKey(0, 0, probe.sequence());
          int size = probe.sizeOr(spec.packetLength());
          for (int k = 1; k <= Math.min(probe.ttl(), linkMtu.length); k++) {
            if (k == probe.ttl()) {
              replies.add(reply(key, hop(k), ReplyKind.TIME_EXCEEDED, 0));
              return new SentProbe(key, clock);
            }
            if (size > linkMtu[k - 1]) {
              replies.add(reply(key, hop(k), ReplyKind.PACKET_TOO_BIG, reported[k - 1]));
              return new SentProbe(key, clock);
            }
          }
          replies.add(reply(key, destination(), ReplyKind.ECHO_REPLY, 0));
          return new SentProbe(key, clock);
        }

        private Reply reply(WireKey key, InetAddress from, ReplyKind kind, int mtu) {
          int type = switch (kind) {
            case TIME_EXCEEDED -> ipv6 ? 3 : 11;
            case PACKET_TOO_BIG -> ipv6 ? 2 : 3;
            default -> ipv6 ? 129 : 0;
          };
          return new Reply(key, Optional.empty(), from, kind, type,
              kind == ReplyKind.PACKET_TOO_BIG && !ipv6 ? 4 : 0, mtu, 60, clock + 1_000_000,
              Optional.empty(), IcmpExtensions.NONE);
        }

        @Override
        public void receive(long deadline, ReplySink sink) {
          if (replies.isEmpty()) {
            clock = Math.max(clock, deadline);
            return;
          }
          clock += 1_000_000;
          while (!replies.isEmpty()) {
            sink.accept(replies.poll());
          }
        }

        @Override
        public void close() {}
      };
    }
  }

  private static TraceResult trace(NarrowPath path) throws Exception {
    return new Tracer(path).trace(TraceRequest.to(path.destination())
        .protocol(dev.hoptrace.core.net.Protocol.ICMP).mode(ProbeMode.RAW).packetLength(1500)
        .discoverMtu(true).build());
  }

  @Test
  void anIpv6LinkBelow1280IsReportedNotProbedBelowTheMinimum() throws Exception {
    // Link 2 carries 1000 bytes, which no IPv6 link may: probes shrink to 1280 and no further.
    TraceResult r = trace(new NarrowPath(true, new int[] {1500, 1000, 1500},
        new int[] {0, 1000, 0}));

    PathMtu mtu = r.pathMtu().orElseThrow();
    assertThat(mtu.pathMtu()).isEqualTo(1280);
    assertThat(mtu.drops()).extracting(ProbeSize::ttl, ProbeSize::learnedMtu)
        .containsExactly(tuple(3, 1280));
    ProbeResult hop3 = r.hops().get(2).probes().getFirst();
    assertThat(hop3.annotation()).isEqualTo("!F-1000");
    assertThat(r.stopReason()).isEqualTo(StopReason.UNREACHABLE);
  }

  @Test
  void anIpv4RouterThatReportsNoMtuGetsTheRfc1191Plateaus() throws Exception {
    // Link 1 carries 1400 but its router says 0: 1500 → 1492 → 1006, which passes.
    TraceResult r = trace(new NarrowPath(false, new int[] {1500, 1400, 1500},
        new int[] {0, 0, 0}));

    PathMtu mtu = r.pathMtu().orElseThrow();
    assertThat(mtu.pathMtu()).isEqualTo(1006);
    assertThat(mtu.drops()).extracting(ProbeSize::ttl, ProbeSize::learnedMtu)
        .containsExactly(tuple(3, 1006));
    assertThat(r.reached()).isTrue();
    assertThat(r.hops()).hasSize(4);
    assertThat(r.hops().get(2).probes()).allMatch(p -> p.kind().equals(
        Optional.of(ReplyKind.TIME_EXCEEDED)));
  }

  @Test
  void withoutMtuDiscoveryTheFirstTooBigEndsTheTrace() throws Exception {
    NarrowPath path = new NarrowPath(false, new int[] {1500, 1400}, new int[] {0, 1400});
    TraceResult r = new Tracer(path).trace(TraceRequest.to(path.destination())
        .mode(ProbeMode.RAW).packetLength(1500).build());

    assertThat(r.pathMtu()).isEmpty();
    assertThat(r.hops()).hasSize(3);
    assertThat(r.hops().get(2).probes()).allMatch(p -> p.annotation().equals("!F-1400"));
    assertThat(List.of(r.stopReason())).containsExactly(StopReason.UNREACHABLE);
  }
}
