package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Wire;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The probes themselves: a Paris flow's packets hash alike at every sequence and TTL while each
 * stays valid (the destination must still take a UDP probe and answer Port Unreachable), and the
 * identity its replies are matched by differs per probe.
 */
class ParisProbeBuilderTest {
  private static final long SALT = 0x5eed;

  @ParameterizedTest(name = "{0} ipv6={1} raw={2}")
  @CsvSource({"UDP,false,true", "UDP,true,true", "UDP,false,false", "UDP,true,false",
      "ICMP,false,true", "ICMP,true,true", "ICMP,false,false", "ICMP,true,false",
      "TCP,false,true", "TCP,true,true"})
  void everyProbeOfAFlowHashesAlikeAndIsValid(Protocol protocol, boolean v6, boolean raw) {
    InetAddress src = InetAddress.ofLiteral(v6 ? "2001:db8:1::2" : "198.18.1.2");
    InetAddress dst = InetAddress.ofLiteral(v6 ? "2001:db8:9::2" : "198.18.9.2");
    SessionSpec spec = new SessionSpec(dst, protocol, raw ? ProbeMode.RAW : ProbeMode.UNPRIVILEGED,
        Optional.empty(), Optional.empty(), 0, v6 ? 80 : 60, true);
    ProbeBuilder builder = new ProbeBuilder(spec, src, raw);
    Set<Long> hashes = new HashSet<>();
    Set<Object> keys = new HashSet<>();
    for (int sequence = 0; sequence < 65535; sequence += 13) {
      int ttl = 1 + sequence % 30;
      OutgoingProbe probe = protocol == Protocol.ICMP
          ? new OutgoingProbe(ttl, 0, 0, sequence, 0xfffe)
          : new OutgoingProbe(ttl, 0, protocol == Protocol.UDP ? 33434 : 80, sequence);
      ProbeBuilder.Built built = builder.build(probe, 40000, sequence, 1234);
      byte[] p = built.packet();

      hashes.add(FlowHash.hash(p, SALT));
      keys.add(built.key());
      int t = v6 ? 40 : 20;
      int next = v6 ? p[6] : p[9];
      boolean pseudoHeader = v6 || protocol != Protocol.ICMP;
      int sum = pseudoHeader ? Checksum.transport(src, dst, next, p, t, p.length - t)
          : Checksum.of(p, t, p.length - t);
      assertThat(sum).as("valid at sequence %d", sequence).isZero();
      if (protocol == Protocol.UDP) {
        assertThat(Wire.u16(p, t + 6)).isEqualTo(sequence == 0 ? 0xffff : sequence);
      }
    }
    assertThat(hashes).as("one flow").hasSize(1);
    assertThat(keys).as("one identity per probe").hasSize(65535 / 13 + 1);
  }
}
