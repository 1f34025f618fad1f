package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A manual check through one real kernel router (client ns — router ns — target ns), for this
 * module's own confidence; the lab module owns the real multi-hop suite. Run with
 * {@code -Dhoptrace.namespaceChecks=true} as root. Only addresses inside the namespaces are used.
 */
@EnabledIfSystemProperty(named = "hoptrace.namespaceChecks", matches = "true")
class NamespaceRouterCheck {
  private static final String SUFFIX = Long.toString(ProcessHandle.current().pid());
  private static NetNamespace client;
  private static NetNamespace router;
  private static NetNamespace target;

  @BeforeAll
  static void topology() throws Exception {
    if (!Loopback.root()) {
      Assumptions.abort("needs root to build network namespaces");
    }
    client = new NetNamespace("ht-c-" + SUFFIX);
    router = new NetNamespace("ht-r-" + SUFFIX);
    target = new NetNamespace("ht-t-" + SUFFIX);
    router.exec("ip", "link", "add", "r0", "type", "veth", "peer", "name", "c0", "netns", client.name);
    router.exec("ip", "link", "add", "r1", "type", "veth", "peer", "name", "t0", "netns", target.name);
    router.exec("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
        "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0");
    target.exec("sysctl", "-qw", "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0");
    client.exec("sysctl", "-qw", "net.ipv4.ping_group_range=0 2147483647");
    addr(router, "r0", "10.99.1.1/24", "fd99:1::1/64");
    addr(router, "r1", "10.99.2.1/24", "fd99:2::1/64");
    addr(client, "c0", "10.99.1.2/24", "fd99:1::2/64");
    addr(target, "t0", "10.99.2.2/24", "fd99:2::2/64");
    client.exec("ip", "route", "add", "default", "via", "10.99.1.1");
    client.exec("ip", "-6", "route", "add", "default", "via", "fd99:1::1");
    target.exec("ip", "route", "add", "default", "via", "10.99.2.1");
    target.exec("ip", "-6", "route", "add", "default", "via", "fd99:2::1");
    Thread.sleep(2_500); // IPv6 duplicate address detection
  }

  private static void addr(NetNamespace ns, String dev, String v4, String v6) throws Exception {
    ns.exec("ip", "addr", "add", v4, "dev", dev);
    ns.exec("ip", "-6", "addr", "add", v6, "dev", dev, "nodad");
    ns.exec("ip", "link", "set", dev, "up");
  }

  @AfterAll
  static void teardown() throws Exception {
    for (NetNamespace ns : new NetNamespace[] {client, router, target}) {
      if (ns != null) {
        ns.close();
      }
    }
  }

  private static SessionSpec spec(String dst, Protocol protocol, ProbeMode mode) {
    return new SessionSpec(Loopback.address(dst), protocol, mode,
        Optional.empty(), Optional.empty(), 0, dst.contains(":") ? 80 : 60);
  }

  @Test
  void everyKindSeesTheRouterAndTheTarget() throws Exception {
    for (String dst : new String[] {"10.99.2.2", "fd99:2::2"}) {
      String hop = dst.contains(":") ? "fd99:1::1" : "10.99.1.1";
      for (ProbeMode mode : new ProbeMode[] {ProbeMode.UNPRIVILEGED, ProbeMode.RAW}) {
        for (Protocol protocol : Protocol.values()) {
          client.call(() -> {
            trace(dst, hop, protocol, mode);
            return null;
          });
        }
      }
    }
  }

  private static void trace(String dst, String hop, Protocol protocol, ProbeMode mode)
      throws Exception {
    try (ProbeSession s = new LinuxNetwork().open(spec(dst, protocol, mode))) {
      Map<WireKey, SentProbe> sent = new HashMap<>();
      Map<WireKey, Integer> ttlOf = new HashMap<>();
      // Several probes per TTL back to back: on the shared ping socket this walks into the
      // pending-error trap unless the session drains and retries.
      int seq = 0;
      for (int round = 0; round < 3; round++) {
        for (int ttl = 1; ttl <= 2; ttl++) {
          int port = protocol == Protocol.TCP ? 9 : 33434 + seq;
          SentProbe p = s.send(new OutgoingProbe(ttl, 0, port, seq++));
          sent.put(p.key(), p);
          ttlOf.put(p.key(), ttl);
        }
      }
      Collector got = new Collector().until(s, sent.size(), 3_000);
      System.out.printf("%s %s %s: %d replies, dropped %s%n", mode, protocol, dst,
          got.replies.size(), got.dropped);
      for (Reply r : got.replies) {
        double rtt = (r.receivedAt() - sent.get(r.key()).sentAt()) / 1e3;
        System.out.printf("  ttl %d %s %s type %d code %d replyTtl %d rtt %.1f us quoted %s%n",
            ttlOf.get(r.key()), r.responder().getHostAddress(), r.kind(), r.icmpType(),
            r.icmpCode(), r.replyTtl(), rtt, r.quotedIp().map(Object::toString).orElse("-"));
        if (ttlOf.get(r.key()) == 1) {
          assertThat(r.kind()).isEqualTo(ReplyKind.TIME_EXCEEDED);
          assertThat(r.responder()).isEqualTo(Loopback.address(hop));
        } else {
          assertThat(r.responder()).isEqualTo(Loopback.address(dst));
        }
        assertThat(rtt).isPositive();
      }
      assertThat(got.replies).hasSize(sent.size());
      sent.values().forEach(s::release);
    }
  }
}
