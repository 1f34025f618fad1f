package dev.hoptrace.cli;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a continuous trace ({@code hoptrace live}, {@code hoptrace report}): mtr's
 * option letters where they mean the same ({@code -i -c -G -n -4 -6 -T -u -P -z}), traceroute's
 * for the rest, and one {@link #options} table for both commands.
 */
final class WatchCommand extends ProbeSettings {
  final List<String> hosts = new ArrayList<>();
  double interval = 1.0;
  long rounds;
  double grace = 5.0;
  boolean wide;
  String output = "text";
  boolean mtu;

  WatchCommand(long defaultRounds) {
    super(Protocol.ICMP, 1);
    this.rounds = defaultRounds;
  }

  /**
   * @param command {@code hoptrace live} or {@code hoptrace report}
   * @param outputs the {@code -o} formats the command writes, empty for none
   */
  static OptionTable<WatchCommand> options(String command, String summary, String roundsHelp,
      List<String> outputs) {
    List<Option<WatchCommand>> outputOptions = outputs.isEmpty() ? List.of() : List.of(
        Option.value("-o, --output", "FORMAT",
            String.join(", ", outputs) + " (default " + outputs.getFirst() + ").",
            (c, v) -> c.output = oneOf(v, outputs)),
        Option.flag("-w, --wide",
            "Also the jitter and forward/backward loss columns; names never shortened.",
            c -> c.wide = true));
    List<Option<WatchCommand>> options = Options.concat(
        ProbeSettings.family(),
        List.of(
            Option.<WatchCommand>flag("-I, --icmp", "Probe with ICMP echo (the default).",
                c -> c.protocol = Protocol.ICMP).inGroup(METHOD),
            Option.<WatchCommand>flag("-u, --udp",
                "Probe with UDP, destination port +1 per probe from 33434.",
                c -> c.protocol = Protocol.UDP).inGroup(METHOD),
            Option.<WatchCommand>flag("-U", "Probe with UDP to a fixed port (default 53).", c -> {
              c.protocol = Protocol.UDP;
              c.fixedUdp = true;
            }).inGroup(METHOD),
            Option.<WatchCommand>flag("-T, --tcp", "Probe with TCP SYN (default port 80).",
                c -> c.protocol = Protocol.TCP).inGroup(METHOD),
            Option.value("-p, -P, --port", "PORT",
                "Destination port (TCP, -U) or first port (-u).",
                (c, v) -> c.port = Values.wholeNumber(v)),
            Option.value("-i, --interval", "SEC", "Time between rounds (default 1).",
                (c, v) -> c.interval = Values.decimal(v)),
            Option.value("-c, --count, --max-rounds", "N", roundsHelp,
                (c, v) -> c.rounds = Values.wholeNumber(v)),
            Option.value("-G, --grace", "SEC",
                "Longest wait for a reply (default 5); most waits are shorter, about 1 s.",
                (c, v) -> c.grace = Values.decimal(v))),
        ProbeSettings.flow(),
        ProbeSettings.pathLimits(),
        List.of(
            Option.value("-q, --queries", "N", "Probes per hop in each round (default 1).",
                (c, v) -> c.probesPerHop = Values.wholeNumber(v))),
        ProbeSettings.sourceAndTos(),
        List.of(
            Option.value("--interface", "IFACE", "Send through IFACE.",
                (c, v) -> c.interfaceName = v),
            Option.value("--size", "BYTES",
                "Total probe size including the IP header (default 60 IPv4, 80 IPv6).",
                (c, v) -> c.packetLength = Values.wholeNumber(v)),
            Option.flag("-n, --no-dns", "Show addresses only; no reverse DNS.",
                c -> c.numeric = true),
            Option.flag("--mtu",
                "Discover the path MTU once before the first round (as hoptrace --mtu HOST"
                    + " does) and mark each hop where it drops, F=NUM; rounds keep --size.",
                c -> c.mtu = true)),
        outputOptions,
        ProbeSettings.asnAndGeo("-A, -z, --asn"),
        ProbeSettings.modeNamesScenario(),
        List.of(Option.help(), Option.version()));
    return new OptionTable<>(command, summary,
        List.of(new Positional<>("HOST", "Names or addresses to watch, each its own trace.", true,
            true, (c, v) -> c.hosts.add(v))),
        options,
        List.of("Exit codes: 0 ran, 2 bad command line, 3 unknown host, 4 missing permission,"
            + " 5 network error, 1 internal error."));
  }

  private static String oneOf(String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new BadValue("'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** The validated round policy; a value out of range becomes a usage {@link UserError}. */
  RoundPolicy policy() throws UserError {
    try {
      return new RoundPolicy(seconds(interval, "interval (-i)"), rounds, seconds(grace, "grace (-G)"));
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
  }

  private static Duration seconds(double value, String what) throws UserError {
    if (!(value > 0 && value <= 3600)) {
      throw UserError.usage(what + " must be more than 0 and at most 3600 seconds");
    }
    return Duration.ofNanos((long) (value * 1e9));
  }

  /** The validated request for one host. */
  TraceRequest request(InetAddress destination, String host) throws UserError {
    // A continuous trace keeps every hop's probe of a round in flight at once. With --mtu the
    // rounds keep their size: discovery starts from its own (LiveTracer).
    TraceRequest.Builder builder = requestTo(destination, host).maxInFlight(256).discoverMtu(mtu);
    if (mtu && packetLength == null) {
      builder.packetLength(TraceRequest.defaultPacketLength(destination));
    }
    return build(builder);
  }
}
