package dev.hoptrace.cli;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * What every probing command ({@code hoptrace HOST}, {@code live}, {@code report}) is told the same
 * way: family, path limits, source, TOS, mode, names, scenario. Each command adds its own options
 * and defaults; the options here are described once.
 */
abstract class ProbeSettings {
  static final String FAMILY = "family";
  static final String METHOD = "method";

  boolean ipv4;
  boolean ipv6;
  Protocol protocol;
  boolean fixedUdp;
  Integer port;
  int firstTtl = 1;
  int maxTtl = 30;
  int probesPerHop;
  int gapLimit = 5;
  String source;
  String interfaceName;
  int tos;
  Integer packetLength;
  boolean numeric;
  ProbeMode mode = ProbeMode.AUTO;
  double dnsTimeout = 1.0;
  String dnsServer;
  boolean asn;
  String asnDb;
  String asnServer;
  String geoDb;
  String scenario;
  boolean simulatorOnly;
  boolean paris;
  Integer flow;

  ProbeSettings(Protocol protocol, int probesPerHop) {
    this.protocol = protocol;
    this.probesPerHop = probesPerHop;
  }

  static <S extends ProbeSettings> List<Option<S>> family() {
    return List.of(
        Option.<S>flag("-4", "Use IPv4.", c -> c.ipv4 = true).inGroup(FAMILY),
        Option.<S>flag("-6", "Use IPv6.", c -> c.ipv6 = true).inGroup(FAMILY));
  }

  static <S extends ProbeSettings> List<Option<S>> pathLimits() {
    return List.of(
        Option.value("-f, --first", "TTL", "First TTL (default 1).",
            (c, v) -> c.firstTtl = Values.wholeNumber(v)),
        Option.value("-m, --max-hops", "TTL", "Max TTL (default 30).",
            (c, v) -> c.maxTtl = Values.wholeNumber(v)),
        Option.value("--gap-limit", "N",
            "Stop after N silent hops past the last hop that answered (default 5).",
            (c, v) -> c.gapLimit = Values.wholeNumber(v)));
  }

  static <S extends ProbeSettings> List<Option<S>> sourceAndTos() {
    return List.of(
        Option.value("-s, --source", "ADDR", "Source address.", (c, v) -> c.source = v),
        Option.value("-t, --tos", "TOS", "IPv4 TOS / IPv6 traffic class, 0..255 (default 0).",
            (c, v) -> c.tos = Values.wholeNumber(v)));
  }

  /** Paris traceroute: one flow for every probe, so a load-balanced path shows one branch. */
  static <S extends ProbeSettings> List<Option<S>> flow() {
    return List.of(
        Option.flag("--paris",
            "Keep every probe on one flow (Paris traceroute): per-flow load balancers send all"
                + " of them one way, so each hop shows the router of one path.",
            c -> c.paris = true),
        Option.value("--flow", "N",
            "Paris on flow N instead of 0 (UDP: port + N; ICMP: another checksum), which may"
                + " take another path; implies --paris.",
            (c, v) -> c.flow = Values.wholeNumber(v)));
  }

  /** Mode, reverse DNS and scenario: the options after each command's own. */
  static <S extends ProbeSettings> List<Option<S>> modeNamesScenario() {
    return List.of(
        Option.value("--mode", "MODE",
            "auto (raw when allowed), raw or unprivileged (default auto).",
            (c, v) -> c.mode = Values.oneOf(v, ProbeMode.values())),
        Option.value("--dns-timeout", "SEC",
            "Longest wait for one reverse, AS or place lookup (default 1).",
            (c, v) -> c.dnsTimeout = dnsTimeout(v)),
        Option.value("--dns-server", "HOST[:PORT]",
            "Ask this DNS server instead of the system's resolvers.", (c, v) -> c.dnsServer = v),
        Option.value("--scenario", "NAME|FILE",
            "Probe through a built-in scenario (hoptrace demo --list) or a scenario file: in"
                + " the lab when root, else in the simulator; HOST is an address or node name.",
            (c, v) -> c.scenario = v),
        Option.flag("--sim", "With --scenario: use the simulator even as root.",
            c -> c.simulatorOnly = true));
  }

  /**
   * AS numbers and places of hops; each lookup bounded by {@code --dns-timeout}.
   *
   * @param asnFlag the flag's names: the watch commands add mtr's {@code -z}, which a trace
   *     spends on traceroute's send wait
   */
  static <S extends ProbeSettings> List<Option<S>> asnAndGeo(String asnFlag) {
    return List.of(
        Option.flag(asnFlag,
            "Show AS numbers: from Team Cymru over DNS, or from --asn-db.", c -> c.asn = true),
        Option.value("--asn-db", "FILE",
            "Look AS numbers up in FILE (GeoLite2-ASN .mmdb or iptoasn.com .tsv[.gz]) instead;"
                + " implies -A and asks no server.",
            (c, v) -> c.asnDb = v),
        Option.value("--asn-server", "HOST[:PORT]",
            "Ask this DNS server for Team Cymru's AS records (default: --dns-server, else the"
                + " system's resolvers); implies -A.",
            (c, v) -> c.asnServer = v),
        Option.value("--geo-db", "FILE",
            "Show the country and city of hops from FILE (GeoLite2-City or -Country .mmdb).",
            (c, v) -> c.geoDb = v));
  }

  /** The bound on each reverse, AS or place lookup. */
  Duration lookupTimeout() {
    return Duration.ofNanos((long) (dnsTimeout * 1e9));
  }

  private static double dnsTimeout(String text) {
    double seconds = Values.decimal(text);
    if (!(seconds > 0 && seconds <= 30)) {
      throw new BadValue("'" + text + "' is out of range: more than 0 and at most 30 s");
    }
    return seconds;
  }

  /** A request builder with everything these settings say; the command adds its own. */
  TraceRequest.Builder requestTo(InetAddress destination, String hostName) {
    return TraceRequest.to(destination)
        .hostName(hostName)
        .protocol(protocol)
        .fixedPort(fixedUdp)
        .mode(mode)
        .firstTtl(firstTtl)
        .maxTtl(maxTtl)
        .probesPerHop(probesPerHop)
        .gapLimit(gapLimit)
        .tos(tos);
  }

  /**
   * Sets what was given (null = the default) and builds; a value out of range becomes a usage
   * {@link UserError} naming the option.
   */
  TraceRequest build(TraceRequest.Builder builder) throws UserError {
    if (flow != null) {
      builder.flow(flow);
    } else {
      builder.paris(paris);
    }
    if (port != null) {
      builder.port(port);
    }
    if (packetLength != null) {
      builder.packetLength(packetLength);
    }
    if (interfaceName != null) {
      builder.interfaceName(interfaceName);
    }
    if (source != null) {
      builder.source(HostResolver.literal(source, "source address (-s)"));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
  }
}
