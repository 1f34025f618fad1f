package dev.hoptrace.core.live;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.diagnosis.DirectCheck;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes suspect hops directly: echo requests to the router's own address, as a ping would. Linux
 * and most routers rate-limit the ICMP errors traceroute depends on but not echo replies, so a hop
 * that loses expiring probes yet answers every echo limits its errors; one that loses echoes too
 * may really be dropping traffic.
 */
public final class DirectChecker {
  /** Echo requests per hop: enough to tell 0 % from 40 %, little enough to be polite. */
  public static final int ECHOES = 10;
  private static final Duration GAP = Duration.ofMillis(20);
  private static final WaitPolicy WAIT =
      new WaitPolicy(Duration.ofSeconds(2), 0, 0, Duration.ofSeconds(1));

  private final Network network;

  public DirectChecker(Network network) {
    this.network = network;
  }

  /**
   * Checks each suspect hop's most frequent responder. A hop that cannot be checked (no echo
   * sockets without privileges, no route) is left out; the diagnosis then stays unconfirmed.
   */
  public Map<Integer, DirectCheck> check(TraceRequest basis, List<HopSnapshot> suspects) {
    Map<Integer, DirectCheck> results = new HashMap<>();
    for (HopSnapshot hop : suspects) {
      if (hop.responders().isEmpty()) {
        continue;
      }
      InetAddress address = hop.responders().getFirst().address();
      try {
        results.put(hop.ttl(), new DirectCheck(hop.ttl(), address, ECHOES, echoes(basis, address)));
      } catch (NetworkException | IllegalArgumentException e) {
        // unconfirmed: the diagnosis says "likely" instead of "confirmed"
      }
    }
    return results;
  }

  private int echoes(TraceRequest basis, InetAddress address) throws NetworkException {
    TraceRequest.Builder echo = TraceRequest.to(address)
        .protocol(Protocol.ICMP)
        .mode(basis.mode())
        .firstTtl(64)
        .maxTtl(64)
        .probesPerHop(ECHOES)
        .maxInFlight(ECHOES)
        .sendWait(GAP)
        .replyWait(WAIT)
        .tos(basis.tos());
    basis.source().ifPresent(echo::source);
    basis.interfaceName().ifPresent(echo::interfaceName);
    TraceResult result = new Tracer(network).trace(echo.build());
    int answered = 0;
    for (Hop hop : result.hops()) {
      for (ProbeResult probe : hop.probes()) {
        if (probe.responder().filter(address::equals).isPresent()) {
          answered++;
        }
      }
    }
    return answered;
  }
}
