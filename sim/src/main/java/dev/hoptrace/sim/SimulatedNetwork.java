package dev.hoptrace.sim;

import dev.hoptrace.core.bulk.BulkNetwork;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.packet.forge.Forger;
import dev.hoptrace.packet.forge.ForgeryPlan;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A {@link Network} over a simulated internet built from a {@link Scenario}, in virtual time.
 * Probes and replies are real packets (built and decoded with the {@code packet} module); routers
 * forward them as Linux does; time only passes when the engine waits, so a trace with 5 s timeouts
 * finishes in milliseconds, and the same scenario, seed and probes always give the same result.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioLibrary.load("ecmp-diamond");
 * SimulatedNetwork network = new SimulatedNetwork(scenario);
 * TraceResult result = new Tracer(network).trace(
 *     TraceRequest.to(network.destination(false)).mode(ProbeMode.UNPRIVILEGED).build());
 * }</pre>
 *
 * <p>Several sessions may be open at once; they share the clock and the network (and its rate
 * limits), and each gets only its own replies. Calls are serialised on the network.
 */
public final class SimulatedNetwork implements Network, BulkNetwork {
  private final Internet net;
  private final boolean rawAllowed;

  /** The scenario with its own seed, raw sockets allowed (as if with CAP_NET_RAW). */
  public SimulatedNetwork(Scenario scenario) {
    this(scenario, scenario.seed(), true);
  }

  /**
   * @param seed seeds jitter, loss, hashing salts, ports and ids
   * @param rawAllowed whether raw sessions may be opened; without, {@code AUTO} falls back to
   *     unprivileged and {@code RAW} fails as it does without CAP_NET_RAW
   */
  public SimulatedNetwork(Scenario scenario, long seed, boolean rawAllowed) {
    this.net = new Internet(Objects.requireNonNull(scenario, "scenario"), seed);
    this.rawAllowed = rawAllowed;
  }

  /**
   * Puts an adversary on the client's link, next to the client: a {@link Forger} telling {@code
   * plan}'s lies about every probe the client sends and sending broken copies of every error
   * ahead of it, in virtual time. The simulated kernel checks what Linux checks before a socket
   * sees them (see {@link KernelInput}).
   */
  public SimulatedNetwork withForgerOnClientLink(ForgeryPlan plan) {
    synchronized (net) {
      net.client.tap(new Forger(plan, net.clock::now));
    }
    return this;
  }

  public Scenario scenario() {
    return net.scenario;
  }

  /** Virtual time now, nanoseconds; the clock every session reads. */
  public long now() {
    synchronized (net) {
      return net.clock.now();
    }
  }

  /** The address to trace to. */
  public InetAddress destination(boolean ipv6) {
    return AddressPlan.destination(net.scenario, ipv6);
  }

  /** The client's address, the source of every probe. */
  public InetAddress client(boolean ipv6) {
    return AddressPlan.client(net.scenario, ipv6);
  }

  /** Packet arrivals processed so far, one per link crossed (the simulator's unit of work). */
  public long packetArrivals() {
    synchronized (net) {
      return net.arrivals();
    }
  }

  /** Packets on the wires right now (for tests: nothing is left behind). */
  int packetsInFlight() {
    synchronized (net) {
      return net.inFlight();
    }
  }

  int clientSocketsInUse() {
    synchronized (net) {
      return net.client.socketsInUse();
    }
  }

  Internet internet() {
    return net;
  }

  @Override
  public ProbeSession open(SessionSpec spec) throws NetworkException {
    synchronized (net) {
      boolean v6 = spec.ipv6();
      Scenario.Family family = net.scenario.family();
      if (v6 ? !family.ipv6() : !family.ipv4()) {
        throw new NetworkException(NetworkException.Reason.UNREACHABLE, "network is unreachable:"
            + " scenario " + net.scenario.name() + " carries no IPv" + (v6 ? "6" : "4"));
      }
      InetAddress local = net.client.address(v6);
      if (spec.source().isPresent() && !spec.source().get().equals(local)) {
        throw new NetworkException(NetworkException.Reason.UNREACHABLE, "cannot send from "
            + spec.source().get().getHostAddress() + ": the client's address is "
            + local.getHostAddress());
      }
      boolean raw = switch (spec.mode()) {
        case RAW -> {
          if (!rawAllowed) {
            throw new NetworkException(NetworkException.Reason.PERMISSION, "raw sockets need"
                + " CAP_NET_RAW (this simulated network was built without it); use"
                + " unprivileged mode");
          }
          yield true;
        }
        case AUTO -> rawAllowed;
        case UNPRIVILEGED -> false;
      };
      if (spec.paris() && spec.protocol() == Protocol.TCP && !raw) {
        throw new NetworkException(NetworkException.Reason.PERMISSION, FlowId.TCP_NEEDS_RAW
            + (spec.mode() == ProbeMode.AUTO ? " (raw sockets refused: no CAP_NET_RAW)" : ""));
      }
      if (!raw && spec.unprivilegedMtuRefusal().isPresent()) {
        throw new NetworkException(NetworkException.Reason.PERMISSION,
            spec.unprivilegedMtuRefusal().get()
                + (spec.mode() == ProbeMode.AUTO ? " (raw sockets refused: no CAP_NET_RAW)" : ""));
      }
      return new SimSession(net, spec, SessionInfos.of(spec, raw, local), raw);
    }
  }

  /**
   * A bulk run on the simulated client, always as raw sockets (the simulator does not model the
   * error queue in batches); an unprivileged mode asked for is refused.
   */
  @Override
  public BulkTransport openBulk(BulkSpec spec) throws NetworkException {
    synchronized (net) {
      boolean v6 = spec.targets().ipv6();
      Scenario.Family family = net.scenario.family();
      if (v6 ? !family.ipv6() : !family.ipv4()) {
        throw new NetworkException(NetworkException.Reason.UNREACHABLE, "network is unreachable:"
            + " scenario " + net.scenario.name() + " carries no IPv" + (v6 ? "6" : "4"));
      }
      if (spec.mode() == ProbeMode.UNPRIVILEGED || (spec.mode() == ProbeMode.RAW && !rawAllowed)) {
        throw new NetworkException(NetworkException.Reason.PERMISSION, "the simulator runs bulk"
            + " traces with raw sockets only: leave out --mode, or run in the lab (as root)");
      }
      InetAddress local = net.client.address(v6);
      SessionInfo info = new SessionInfo(ProbeMode.RAW, "simulated raw sockets: probes built with"
          + " their IP header, whole ICMP replies read, state carried in each probe", "", local,
          true);
      return new SimBulkTransport(net, spec, info, 33000 + (int) (net.seed & 0x3ff));
    }
  }

  /** Header-line descriptions of the simulated socket kinds. */
  private static final class SessionInfos {
    static final String NO_QUOTED_HEADER = "cannot see the quoted IP header (TTL, TOS, IP ID)";

    static SessionInfo of(SessionSpec spec, boolean raw, InetAddress local) {
      String queue = spec.ipv6() ? "IPV6_RECVERR" : "IP_RECVERR";
      if (raw) {
        return new SessionInfo(ProbeMode.RAW, "simulated raw sockets: probes built with their IP"
            + " header, whole ICMP replies read", "", local, true);
      }
      String description = switch (spec.protocol()) {
        case UDP -> "simulated UDP, " + (spec.paris() ? "one socket for the whole trace"
            : "one connected socket per probe") + ", replies from the " + queue + " error queue";
        case ICMP -> "simulated ICMP echo through a ping socket, errors from the " + queue
            + " error queue";
        case TCP -> "simulated TCP connect(), one socket per probe, hops from the " + queue
            + " error queue";
      };
      return new SessionInfo(ProbeMode.UNPRIVILEGED, description, NO_QUOTED_HEADER, local, false);
    }
  }
}
