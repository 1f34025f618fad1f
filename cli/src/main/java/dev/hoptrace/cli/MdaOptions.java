package dev.hoptrace.cli;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.net.Protocol;
import java.net.InetAddress;
import java.util.List;

/** The settings of {@code hoptrace mda} and the table that fills them in. */
final class MdaOptions extends ProbeSettings {
  /** What -o accepts. */
  enum Output { TEXT, JSON, DOT }

  static final OptionTable<MdaOptions> OPTIONS = new OptionTable<>(
      "hoptrace mda",
      "Find every path per-flow load balancers spread packets over to HOST (Multipath Detection"
          + " Algorithm): per hop its interfaces and the edges between them, each found with the"
          + " stated confidence.",
      List.of(new Positional<>("HOST", "Name or address to trace to.", true, (c, v) -> c.host = v)),
      Options.<MdaOptions>concat(
          ProbeSettings.family(),
          List.of(
              Option.<MdaOptions>flag("-U, --udp",
                  "Probe with UDP (default); flow n goes to port -p + n.",
                  c -> c.protocol = Protocol.UDP).inGroup(METHOD),
              Option.<MdaOptions>flag("-I, --icmp",
                  "Probe with ICMP echo; flows differ in their echo checksum.",
                  c -> c.protocol = Protocol.ICMP).inGroup(METHOD),
              Option.value("-p, --port", "PORT", "UDP: port of flow 0 (default 33434).",
                  (c, v) -> c.port = Values.wholeNumber(v)),
              Option.value("--confidence", "PERCENT",
                  "Chance each hop's next hops are all found, e.g. 95 or 99 (default 95).",
                  (c, v) -> c.confidence = confidence(v)),
              Option.value("--max-probes", "N", "Probe budget for the whole trace (default 3000).",
                  (c, v) -> c.maxProbes = Values.wholeNumber(v)),
              Option.<MdaOptions>flag("--lite",
                  "MDA-Lite: whole hops first, the full MDA only where a hop is meshed or"
                      + " asymmetric (default).", c -> c.lite = true).inGroup("variant"),
              Option.<MdaOptions>flag("--full", "The classic MDA with node control at every"
                  + " vertex: more probes, fewer misses on meshed hops.",
                  c -> c.lite = false).inGroup("variant"),
              Option.<MdaOptions>value("--flows", "N",
                  "Instead of the MDA: trace flows 0..N-1 each on its own, hop by hop, and show"
                      + " each flow's path and the distinct paths (Dublin traceroute).",
                  (c, v) -> c.flows = Values.wholeNumber(v)).inGroup("variant")),
          ProbeSettings.pathLimits(),
          List.of(
              Option.value("-q, --attempts", "N",
                  "Sends of a flow at one TTL before it counts as silent (default 2).",
                  (c, v) -> c.attempts = Values.wholeNumber(v)),
              Option.value("-w, --wait", "MAX[,HERE,NEAR]",
                  "Wait up to MAX s; HERE x RTT of the same hop; NEAR x RTT of a later hop "
                      + "(default 5,3,10); never less than 1 s for a silent probe.",
                  (c, v) -> c.wait = new WaitOption().convert(v))),
          ProbeSettings.sourceAndTos(),
          List.of(
              Option.flag("-n", "Print addresses only; no reverse DNS.", c -> c.numeric = true),
              Option.value("-o, --output", "FORMAT",
                  "text, json or dot (Graphviz) (default text).",
                  (c, v) -> c.output = Values.oneOf(v, Output.values())),
              Option.value("--svg", "FILE",
                  "Also draw the graph into FILE with Graphviz's dot, when it is installed.",
                  (c, v) -> c.svg = v)),
          ProbeSettings.modeNamesScenario(),
          List.of(Option.help(), Option.version())),
      List.of("Exit codes: 0 trace ran, 2 bad command line, 3 unknown host, 4 missing permission,"
          + " 5 network error, 1 internal error."));

  String host = "";
  double confidence = 0.95;
  int maxProbes = 3000;
  boolean lite = true;
  int attempts = 2;
  WaitPolicy wait = WaitPolicy.DEFAULT;
  Output output = Output.TEXT;
  String svg;
  /** Fixed flows to trace each on its own, or null for the MDA. */
  Integer flows;

  MdaOptions() {
    super(Protocol.UDP, 1);
    gapLimit = 3; // scamper tracelb's
  }

  /** 95 and 0.95 both mean 95 %. */
  private static double confidence(String text) {
    double value = Values.decimal(text);
    double fraction = value >= 1 ? value / 100 : value;
    if (!(fraction > 0 && fraction < 1)) {
      throw new BadValue("'" + text + "' is not a confidence: a percentage above 0 and below 100");
    }
    return fraction;
  }

  /** The probing request (Paris on); an option out of range becomes a usage error. */
  TraceRequest request(InetAddress destination) throws UserError {
    paris = true;
    return build(requestTo(destination, host).replyWait(wait));
  }

  /** The algorithm's settings; an option out of range becomes a usage error. */
  MdaSettings settings() throws UserError {
    try {
      return new MdaSettings(lite ? MdaSettings.Variant.MDA_LITE : MdaSettings.Variant.MDA,
          confidence, firstTtl, maxTtl, gapLimit, maxProbes);
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
  }
}
