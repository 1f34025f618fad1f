package dev.hoptrace.cli;

import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of a one-shot trace, named and defaulted as Linux traceroute's so they can be typed
 * without thinking. Only parsing lives here; {@link TraceRun} does the work.
 */
@Command(
    name = "hoptrace",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = "Trace the path packets take to HOST: one line per hop, several probes each.",
    footer = {"", "Exit codes: 0 trace ran, 2 bad command line, 3 unknown host, 4 missing permission,"
        + " 5 network error, 1 internal error."})
final class TraceCommand {

  @Parameters(index = "0", paramLabel = "HOST", description = "Name or address to trace to.")
  String host;

  @Parameters(index = "1", arity = "0..1", paramLabel = "packetlen",
      description = "Total probe size in bytes including the IP header (default 60 IPv4, 80 IPv6).")
  Integer packetLength;

  @ArgGroup(exclusive = true)
  Family family = new Family();

  static final class Family {
    @Option(names = "-4", description = "Use IPv4.") boolean ipv4;
    @Option(names = "-6", description = "Use IPv6.") boolean ipv6;
  }

  @ArgGroup(exclusive = true)
  Method method = new Method();

  static final class Method {
    @Option(names = {"-I", "--icmp"}, description = "Probe with ICMP echo.") boolean icmp;
    @Option(names = {"-T", "--tcp"}, description = "Probe with TCP SYN (default port 80).") boolean tcp;
    @Option(names = {"-U", "--udp"}, description = "Probe with UDP to a fixed port (default 53).")
    boolean fixedUdp;
  }

  @Option(names = {"-p", "--port"}, paramLabel = "PORT",
      description = "UDP: first destination port (default 33434, +1 per probe); -U/-T: the port.")
  Integer port;

  @Option(names = {"-f", "--first"}, paramLabel = "TTL", description = "First TTL (default 1).")
  int firstTtl = 1;

  @Option(names = {"-m", "--max-hops"}, paramLabel = "TTL", description = "Max TTL (default 30).")
  int maxTtl = 30;

  @Option(names = {"-q", "--queries"}, paramLabel = "N", description = "Probes per hop (default 3).")
  int probesPerHop = 3;

  @Option(names = {"-w", "--wait"}, paramLabel = "MAX[,HERE,NEAR]", converter = WaitOption.class,
      description = "Wait up to MAX s; HERE x RTT of the same hop; NEAR x RTT of a later hop "
          + "(default 5,3,10). A bare MAX waits MAX always.")
  WaitPolicy wait = WaitPolicy.DEFAULT;

  @Option(names = {"-N", "--sim-queries"}, paramLabel = "N",
      description = "Probes in flight at once (default 16).")
  int inFlight = 16;

  @Option(names = {"-z", "--sendwait"}, paramLabel = "SEC", converter = SendWaitOption.class,
      description = "Minimum gap between probes: seconds, or milliseconds when above 10 (default 0).")
  Duration sendWait = Duration.ZERO;

  @Option(names = "--gap-limit", paramLabel = "N",
      description = "Stop after N silent hops past the last hop that answered (default 5).")
  int gapLimit = 5;

  @Option(names = {"-s", "--source"}, paramLabel = "ADDR", description = "Source address.")
  String source;

  @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "Send through IFACE.")
  String interfaceName;

  @Option(names = {"-t", "--tos"}, paramLabel = "TOS",
      description = "IPv4 TOS / IPv6 traffic class, 0..255 (default 0).")
  int tos;

  @Option(names = {"-n"}, description = "Print addresses only; no reverse DNS.")
  boolean numeric;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "auto (raw when allowed), raw or unprivileged (default auto).")
  ProbeMode mode = ProbeMode.AUTO;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text or json (default text).")
  OutputFormat output = OutputFormat.TEXT;

  @Option(names = {"-v", "--verbose"}, description = "Also report replies that were dropped.")
  boolean verbose;

  @Option(names = "--dns-timeout", paramLabel = "SEC",
      description = "Longest wait for one reverse lookup (default 1).")
  double dnsTimeout = 1.0;

  @Option(names = "--dns-server", paramLabel = "HOST[:PORT]",
      description = "Ask this DNS server instead of the system's resolvers.")
  String dnsServer;

  Protocol protocol() {
    return method.icmp ? Protocol.ICMP : method.tcp ? Protocol.TCP : Protocol.UDP;
  }

  /** The validated request; an option out of range becomes a {@link UserError} with exit 2. */
  TraceRequest request(InetAddress destination) throws UserError {
    TraceRequest.Builder builder = TraceRequest.to(destination)
        .hostName(host)
        .protocol(protocol())
        .fixedPort(method.fixedUdp)
        .mode(mode)
        .firstTtl(firstTtl)
        .maxTtl(maxTtl)
        .probesPerHop(probesPerHop)
        .maxInFlight(inFlight)
        .sendWait(sendWait)
        .replyWait(wait)
        .gapLimit(gapLimit)
        .tos(tos);
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
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }
}
