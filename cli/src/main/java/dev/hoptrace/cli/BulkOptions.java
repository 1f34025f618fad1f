package dev.hoptrace.cli;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.util.List;

/** The settings of {@code hoptrace bulk} and the table that fills them in. */
final class BulkOptions extends ProbeSettings {
  /** What -o accepts: hoptrace's trace JSON, or RIPE Atlas traceroute results. */
  enum Output { JSON, ATLAS }

  /** What --method accepts. */
  enum Method { UDP, ICMP, TCP }

  static final double DEFAULT_RATE = 100;

  static final OptionTable<BulkOptions> OPTIONS = new OptionTable<>(
      "hoptrace bulk",
      "Trace every destination listed in FILE (addresses, names or CIDR prefixes, one a line; -"
          + " for stdin) at a ceiling rate, probes of all destinations interleaved in random"
          + " order; one JSON line per destination as soon as its trace is complete.",
      List.of(),
      Options.<BulkOptions>concat(
          List.of(
              Option.<BulkOptions>value("-f, --file", "FILE", "Destinations, one a line; - reads stdin.",
                  (c, v) -> c.file = v),
              Option.<BulkOptions>value("-r, --rate", "PPS",
                  "Ceiling on probes per second, held within 5 % over any second (default 100).",
                  (c, v) -> c.rate = Values.decimal(v))),
          ProbeSettings.family(),
          List.of(
              Option.<BulkOptions>value("--method", "METHOD",
                  "udp, icmp or tcp (TCP SYN, raw sockets only) (default udp).",
                  (c, v) -> c.protocol = protocolOf(Values.oneOf(v, Method.values())))
                  .inGroup(METHOD),
              Option.<BulkOptions>flag("-I, --icmp", "Probe with ICMP echo (as --method icmp).",
                  c -> c.protocol = Protocol.ICMP).inGroup(METHOD),
              Option.<BulkOptions>flag("-U, --udp", "Probe with UDP (as --method udp).",
                  c -> c.protocol = Protocol.UDP).inGroup(METHOD),
              Option.<BulkOptions>flag("-T, --tcp",
                  "Probe with TCP SYN (as --method tcp); needs raw sockets.",
                  c -> c.protocol = Protocol.TCP).inGroup(METHOD),
              Option.<BulkOptions>value("-p, --port", "PORT",
                  "UDP: first destination port (default 33434; with --paris the only one);"
                      + " TCP: the destination port (default 80).",
                  (c, v) -> c.port = Values.wholeNumber(v)),
              Option.<BulkOptions>flag("--paris",
                  "Keep every probe to a destination on one flow (Paris traceroute).",
                  c -> c.paris = true),
              Option.<BulkOptions>value("--first-ttl", "TTL", "First TTL (default 1).",
                  (c, v) -> c.firstTtl = Values.wholeNumber(v)),
              Option.<BulkOptions>value("-m, --max-ttl", "TTL", "Max TTL (default 30).",
                  (c, v) -> c.maxTtl = Values.wholeNumber(v)),
              Option.<BulkOptions>value("--gap-limit", "N",
                  "Stop a destination after N silent hops past its last answering hop"
                      + " (default 5).",
                  (c, v) -> c.gapLimit = Values.wholeNumber(v)),
              Option.<BulkOptions>value("-q, --probes-per-hop", "N", "Probes per hop (default 3).",
                  (c, v) -> c.probesPerHop = Values.wholeNumber(v)),
              Option.<BulkOptions>value("--wait", "SEC", "How long each probe is waited for (default 3).",
                  (c, v) -> c.waitSeconds = Values.decimal(v)),
              Option.<BulkOptions>value("-t, --tos", "TOS", "IPv4 TOS / IPv6 traffic class (default 0).",
                  (c, v) -> c.tos = Values.wholeNumber(v)),
              Option.<BulkOptions>value("--packet-length", "BYTES",
                  "Total probe size including the IP header (default 60 IPv4, 80 IPv6; TCP"
                      + " SYNs are 40 / 60).",
                  (c, v) -> c.packetLength = Values.wholeNumber(v)),
              Option.<BulkOptions>value("-o, --output", "FORMAT",
                  "json (hoptrace's trace object) or atlas (RIPE Atlas result) (default json).",
                  (c, v) -> c.output = Values.oneOf(v, Output.values())),
              Option.<BulkOptions>value("-w, --write", "FILE",
                  "Write results to FILE (replacing it) instead of stdout.",
                  (c, v) -> c.write = v),
              Option.<BulkOptions>value("--resume", "FILE",
                  "Append results to FILE, skipping destinations it already holds (a line cut"
                      + " short by a crash is dropped and traced again).",
                  (c, v) -> c.resume = v),
              Option.<BulkOptions>value("--mode", "MODE",
                  "auto (raw when allowed), raw or unprivileged (default auto).",
                  (c, v) -> c.mode = Values.oneOf(v, ProbeMode.values())),
              Option.<BulkOptions>value("--scenario", "NAME|FILE",
                  "Probe through a built-in scenario or a scenario file: in the lab when root,"
                      + " else in the simulator; node names may be listed as destinations.",
                  (c, v) -> c.scenario = v),
              Option.<BulkOptions>flag("--sim", "With --scenario: use the simulator even as root.",
                  c -> c.simulatorOnly = true),
              Option.<BulkOptions>help(),
              Option.<BulkOptions>version())),
      List.of("Progress (done/total, probes/s, replies/s, ETA) is drawn on stderr when it is a"
          + " terminal. Ctrl-C writes the destinations complete so far and exits with 130."
          + " Exit codes: 0 run complete, 2 bad command line or target file, 4 missing"
          + " permission, 5 network error, 130 interrupted."));

  String file;
  double rate = DEFAULT_RATE;
  double waitSeconds = 3;
  Output output = Output.JSON;
  String write;
  String resume;

  BulkOptions() {
    super(Protocol.UDP, 3);
  }

  private static Protocol protocolOf(Method method) {
    return switch (method) {
      case UDP -> Protocol.UDP;
      case ICMP -> Protocol.ICMP;
      case TCP -> Protocol.TCP;
    };
  }
}
