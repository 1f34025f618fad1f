package dev.hoptrace.cli;

import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a one-shot trace, named and defaulted as Linux traceroute's options so they can
 * be typed without thinking, and the {@link #OPTIONS} table that fills them in. Value ranges are
 * checked once, by {@link TraceRequest}; only the form of each value is checked here.
 */
final class TraceCommand extends ProbeSettings {

  static final OptionTable<TraceCommand> OPTIONS = new OptionTable<>(
      "hoptrace",
      "Trace the path packets take to HOST: one line per hop, several probes each.",
      List.of(
          new Positional<>("HOST", "Name or address to trace to.", true, (c, v) -> c.host = v),
          new Positional<>("packetlen",
              "Total probe size in bytes including the IP header (default 60 IPv4, 80 IPv6).",
              false, (c, v) -> c.packetLength = Values.wholeNumber(v))),
      Options.<TraceCommand>concat(
          ProbeSettings.family(),
          List.of(
              Option.<TraceCommand>flag("-I, --icmp", "Probe with ICMP echo.",
                  c -> c.protocol = Protocol.ICMP).inGroup(METHOD),
              Option.<TraceCommand>flag("-T, --tcp", "Probe with TCP SYN (default port 80).",
                  c -> c.protocol = Protocol.TCP).inGroup(METHOD),
              Option.<TraceCommand>flag("-U, --udp", "Probe with UDP to a fixed port (default 53).",
                  c -> c.fixedUdp = true).inGroup(METHOD),
              Option.value("-p, --port", "PORT",
                  "UDP: first destination port (default 33434, +1 per probe); -U/-T: the port.",
                  (c, v) -> c.port = Values.wholeNumber(v))),
          ProbeSettings.flow(),
          ProbeSettings.pathLimits(),
          List.of(
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
                  (c, v) -> c.sendWait = new SendWaitOption().convert(v))),
          ProbeSettings.sourceAndTos(),
          List.of(
              Option.value("-i, --interface", "IFACE", "Send through IFACE.",
                  (c, v) -> c.interfaceName = v),
              Option.flag("-n", "Print addresses only; no reverse DNS.", c -> c.numeric = true),
              Option.value("-o, --output", "FORMAT", "text or json (default text).",
                  (c, v) -> c.output = Values.oneOf(v, OutputFormat.values())),
              Option.<TraceCommand>flag("-l, --live",
                  "Watch HOST continuously, full screen, instead (as hoptrace live HOST).",
                  c -> { /* Hoptrace turns the flag into the live command before parsing */ }),
              Option.<TraceCommand>flag("--multipath",
                  "Find every load-balanced path instead (as hoptrace mda HOST; see its --help).",
                  c -> { /* Hoptrace turns the flag into the mda command before parsing */ }),
              Option.flag("-v, --verbose", "Also report replies that were dropped.",
                  c -> c.verbose = true),
              Option.flag("-e, --extensions",
                  "Print the ICMP extensions of replies: MPLS labels as <MPLS:L=..,E=..,S=..,T=..>.",
                  c -> c.extensions = true),
              Option.flag("--mtu",
                  "Discover the path MTU as traceroute --mtu does: probes carry Don't Fragment,"
                      + " start at packetlen (default 65000) and shrink to each MTU reported;"
                      + " F=NUM marks where it dropped.",
                  c -> c.mtu = true),
              Option.flag("--back",
                  "Mark replies whose return path (from the reply TTL) is not as long as the"
                      + " forward one: '-N' after the address.",
                  c -> c.back = true)),
          ProbeSettings.asnAndGeo("-A, --asn"),
          ProbeSettings.modeNamesScenario(),
          List.of(Option.help(), Option.version())),
      List.of("Exit codes: 0 trace ran, 2 bad command line, 3 unknown host, 4 missing permission,"
          + " 5 network error, 1 internal error."));

  String host = "";
  WaitPolicy wait = WaitPolicy.DEFAULT;
  int inFlight = 16;
  Duration sendWait = Duration.ZERO;
  OutputFormat output = OutputFormat.TEXT;
  boolean verbose;
  boolean back;
  boolean extensions;
  boolean mtu;

  TraceCommand() {
    super(Protocol.UDP, 3);
  }

  /** The validated request; an option out of range becomes a usage {@link UserError}. */
  TraceRequest request(InetAddress destination) throws UserError {
    return build(requestTo(destination, host)
        .maxInFlight(inFlight)
        .sendWait(sendWait)
        .replyWait(wait)
        .discoverMtu(mtu));
  }
}
