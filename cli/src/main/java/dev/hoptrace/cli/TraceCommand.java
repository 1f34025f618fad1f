package dev.hoptrace.cli;

import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a one-shot trace, named and defaulted as Linux traceroute's options so they can
 * be typed without thinking, and the {@link #OPTIONS} table that fills them in. Value ranges are
 * checked once, by {@link TraceRequest}; only the form of each value is checked here.
 */
final class TraceCommand {
  private static final String FAMILY = "family";
  private static final String METHOD = "method";

  static final OptionTable<TraceCommand> OPTIONS = new OptionTable<>(
      "hoptrace",
      "Trace the path packets take to HOST: one line per hop, several probes each.",
      List.of(
          new Positional<>("HOST", "Name or address to trace to.", true, (c, v) -> c.host = v),
          new Positional<>("packetlen",
              "Total probe size in bytes including the IP header (default 60 IPv4, 80 IPv6).",
              false, (c, v) -> c.packetLength = Values.wholeNumber(v))),
      List.of(
          Option.<TraceCommand>flag("-4", "Use IPv4.", c -> c.ipv4 = true).inGroup(FAMILY),
          Option.<TraceCommand>flag("-6", "Use IPv6.", c -> c.ipv6 = true).inGroup(FAMILY),
          Option.<TraceCommand>flag("-I, --icmp", "Probe with ICMP echo.",
              c -> c.protocol = Protocol.ICMP).inGroup(METHOD),
          Option.<TraceCommand>flag("-T, --tcp", "Probe with TCP SYN (default port 80).",
              c -> c.protocol = Protocol.TCP).inGroup(METHOD),
          Option.<TraceCommand>flag("-U, --udp", "Probe with UDP to a fixed port (default 53).",
              c -> c.fixedUdp = true).inGroup(METHOD),
          Option.value("-p, --port", "PORT",
              "UDP: first destination port (default 33434, +1 per probe); -U/-T: the port.",
              (c, v) -> c.port = Values.wholeNumber(v)),
          Option.value("-f, --first", "TTL", "First TTL (default 1).",
              (c, v) -> c.firstTtl = Values.wholeNumber(v)),
          Option.value("-m, --max-hops", "TTL", "Max TTL (default 30).",
              (c, v) -> c.maxTtl = Values.wholeNumber(v)),
          Option.value("-q, --queries", "N", "Probes per hop (default 3).",
              (c, v) -> c.probesPerHop = Values.wholeNumber(v)),
          Option.value("-w, --wait", "MAX[,HERE,NEAR]",
              "Wait up to MAX s; HERE x RTT of the same hop; NEAR x RTT of a later hop "
                  + "(default 5,3,10). A bare MAX waits MAX always.",
              (c, v) -> c.wait = new WaitOption().convert(v)),
          Option.value("-N, --sim-queries", "N", "Probes in flight at once (default 16).",
              (c, v) -> c.inFlight = Values.wholeNumber(v)),
          Option.value("-z, --sendwait", "SEC",
              "Minimum gap between probes: seconds, or milliseconds when above 10 (default 0).",
              (c, v) -> c.sendWait = new SendWaitOption().convert(v)),
          Option.value("--gap-limit", "N",
              "Stop after N silent hops past the last hop that answered (default 5).",
              (c, v) -> c.gapLimit = Values.wholeNumber(v)),
          Option.value("-s, --source", "ADDR", "Source address.", (c, v) -> c.source = v),
          Option.value("-i, --interface", "IFACE", "Send through IFACE.",
              (c, v) -> c.interfaceName = v),
          Option.value("-t, --tos", "TOS", "IPv4 TOS / IPv6 traffic class, 0..255 (default 0).",
              (c, v) -> c.tos = Values.wholeNumber(v)),
          Option.flag("-n", "Print addresses only; no reverse DNS.", c -> c.numeric = true),
          Option.value("--mode", "MODE",
              "auto (raw when allowed), raw or unprivileged (default auto).",
              (c, v) -> c.mode = Values.oneOf(v, ProbeMode.values())),
          Option.value("-o, --output", "FORMAT", "text or json (default text).",
              (c, v) -> c.output = Values.oneOf(v, OutputFormat.values())),
          Option.<TraceCommand>flag("-l, --live",
              "Watch HOST continuously, full screen, instead (as hoptrace live HOST).",
              c -> { /* Hoptrace turns the flag into the live command before parsing */ }),
          Option.flag("-v, --verbose", "Also report replies that were dropped.",
              c -> c.verbose = true),
          Option.value("--dns-timeout", "SEC", "Longest wait for one reverse lookup (default 1).",
              (c, v) -> c.dnsTimeout = dnsTimeout(v)),
          Option.value("--dns-server", "HOST[:PORT]",
              "Ask this DNS server instead of the system's resolvers.", (c, v) -> c.dnsServer = v),
          Option.value("--scenario", "NAME|FILE",
              "Trace through a built-in scenario (hoptrace demo --list) or a scenario file: in"
                  + " the lab when root, else in the simulator; HOST is an address or node name.",
              (c, v) -> c.scenario = v),
          Option.flag("--sim", "With --scenario: use the simulator even as root.",
              c -> c.simulatorOnly = true),
          Option.help(),
          Option.version()),
      List.of("Exit codes: 0 trace ran, 2 bad command line, 3 unknown host, 4 missing permission,"
          + " 5 network error, 1 internal error."));

  String host = "";
  Integer packetLength;
  boolean ipv4;
  boolean ipv6;
  Protocol protocol = Protocol.UDP;
  boolean fixedUdp;
  Integer port;
  int firstTtl = 1;
  int maxTtl = 30;
  int probesPerHop = 3;
  WaitPolicy wait = WaitPolicy.DEFAULT;
  int inFlight = 16;
  Duration sendWait = Duration.ZERO;
  int gapLimit = 5;
  String source;
  String interfaceName;
  int tos;
  boolean numeric;
  ProbeMode mode = ProbeMode.AUTO;
  OutputFormat output = OutputFormat.TEXT;
  boolean verbose;
  double dnsTimeout = 1.0;
  String dnsServer;
  String scenario;
  boolean simulatorOnly;

  static double dnsTimeout(String text) {
    double seconds = Values.decimal(text);
    if (!(seconds > 0 && seconds <= 30)) {
      throw new BadValue("'" + text + "' is out of range: more than 0 and at most 30 s");
    }
    return seconds;
  }

  /** The validated request; an option out of range becomes a usage {@link UserError}. */
  TraceRequest request(InetAddress destination) throws UserError {
    TraceRequest.Builder builder = TraceRequest.to(destination)
        .hostName(host)
        .protocol(protocol)
        .fixedPort(fixedUdp)
        .mode(mode)
        .firstTtl(firstTtl)
        .maxTtl(maxTtl)
        .probesPerHop(probesPerHop)
        .maxInFlight(inFlight)
        .sendWait(sendWait)
        .replyWait(wait)
        .gapLimit(gapLimit)
        .tos(tos);
    return RequestOptions.build(builder, port, packetLength, interfaceName, source);
  }
}
