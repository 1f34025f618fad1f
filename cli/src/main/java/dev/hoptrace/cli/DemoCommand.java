package dev.hoptrace.cli;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioException;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hoptrace demo}: a trace through a built-in scenario, so a newcomer without root or a
 * network sees what hoptrace does. It is the trace command with {@code --scenario NAME} and the
 * scenario's destination filled in; ICMP echo by default, which every library destination but the
 * firewalled one answers.
 */
final class DemoCommand implements Subcommand {
  static final String DEFAULT_SCENARIO = "home-isp-cdn";

  private static final OptionTable<DemoCommand> OPTIONS = new OptionTable<>(
      "hoptrace demo",
      "Trace through a built-in scenario: in the lab (real kernels) when root, else simulated.",
      List.of(new Positional<>("NAME", "Scenario to trace through (default " + DEFAULT_SCENARIO
          + "); --list shows them.", false, (c, v) -> c.name = v)),
      List.of(
          Option.flag("--list", "List the built-in scenarios and exit.", c -> c.list = true),
          Option.flag("--sim", "Use the simulator even as root.", c -> c.simulatorOnly = true),
          Option.<DemoCommand>flag("-4", "Use IPv4.", c -> c.family = "-4").inGroup("family"),
          Option.<DemoCommand>flag("-6", "Use IPv6.", c -> c.family = "-6").inGroup("family"),
          Option.<DemoCommand>flag("-U, --udp", "Probe with UDP instead of ICMP echo.",
              c -> c.method = "").inGroup("method"),
          Option.<DemoCommand>flag("-T, --tcp", "Probe with TCP SYN to port 443.",
              c -> c.method = "-T").inGroup("method"),
          Option.flag("-n", "Print addresses only, without the scenario's node names.",
              c -> c.numeric = true),
          Option.help()),
      List.of("Scenarios are described in docs/scenarios.md; trace through your own with"
          + " hoptrace --scenario FILE HOST."));

  private String name = DEFAULT_SCENARIO;
  private boolean list;
  private boolean simulatorOnly;
  private String family;
  private String method = "-I";
  private boolean numeric;
  private final Hoptrace trace;

  DemoCommand(Hoptrace trace) {
    this.trace = trace;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "trace through a built-in scenario (--list shows them)";
  }

  @Override
  public int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    DemoCommand settings = new DemoCommand(trace);
    if (OptionParser.parse(OPTIONS, args, settings) == OptionParser.Outcome.HELP) {
      context.out().print(HelpText.of(OPTIONS));
      return ExitCode.OK;
    }
    if (settings.list) {
      list(context.out());
      return ExitCode.OK;
    }
    Scenario scenario;
    try {
      scenario = ScenarioLibrary.load(settings.name);
    } catch (ScenarioException e) {
      throw UserError.usage(e.getMessage());
    }
    List<String> words = new ArrayList<>(List.of("--scenario", scenario.name()));
    if (!settings.method.isEmpty()) {
      words.add(settings.method);
      if (settings.method.equals("-T")) {
        words.addAll(List.of("-p", "443"));
      }
    }
    if (settings.family != null) {
      words.add(settings.family);
    }
    if (settings.simulatorOnly) {
      words.add("--sim");
    }
    if (settings.numeric) {
      words.add("-n");
    }
    words.add(scenario.destination().name());
    return trace.run(words.toArray(String[]::new));
  }

  private static void list(PrintStream out) {
    for (String scenarioName : ScenarioLibrary.names()) {
      out.printf("%-24s %s%n", scenarioName, ScenarioLibrary.load(scenarioName).description());
    }
  }
}
