package dev.hoptrace.cli;

import dev.hoptrace.cli.report.Printable;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.scenario.ScenarioNames;
import dev.hoptrace.cli.scenario.ScenarioTarget;
import dev.hoptrace.cli.render.JsonRenderer;
import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.cli.render.TextRenderer;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.lookup.dns.CachingReverseResolver;
import dev.hoptrace.lookup.dns.DnsReverseResolver;
import dev.hoptrace.scenario.ScenarioException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hoptrace program with its streams and network injected: picks the command (a subcommand
 * named by the first word, otherwise a trace), runs it, and turns every failure into one line on
 * stderr and an {@link ExitCode}.
 */
public final class Hoptrace {
  private final CommandContext context;
  private final Subcommands subcommands;

  public Hoptrace(Supplier<Network> network, PrintStream out, PrintStream err) {
    this(network, out, err, Privileges.NONE);
  }

  /** The program as {@link Main} runs it: giving up the process's privileges as it goes. */
  static Hoptrace dropping(Supplier<Network> network, PrintStream out, PrintStream err) {
    return new Hoptrace(network, out, err, Privileges.ofProcess());
  }

  private Hoptrace(Supplier<Network> network, PrintStream out, PrintStream err,
      Privileges privileges) {
    this.context = new CommandContext(network, out, err, privileges);
    this.subcommands = new Subcommands(
        List.of(new DemoCommand(this), new LiveCommand(), new ReportCommand(),
            new MdaCommand(), new BulkCommand()));
  }

  Hoptrace(Supplier<Network> network, PrintStream out, PrintStream err,
      List<Subcommand> subcommands) {
    this.context = new CommandContext(network, out, err, Privileges.NONE);
    this.subcommands = new Subcommands(subcommands);
  }

  public int run(String... args) {
    List<String> words = liveFlagToCommand(List.of(args));
    Optional<Subcommand> subcommand = subcommands.select(words);
    String command = subcommand.map(s -> "hoptrace " + s.name()).orElse("hoptrace");
    PrintStream err = context.err();
    try {
      return subcommand.isPresent()
          ? subcommand.get().run(words.subList(1, words.size()), context)
          : trace(words);
    } catch (UserError e) {
      String hint = e.exitCode() == ExitCode.USAGE ? " (see " + command + " --help)" : "";
      // Messages quote what was typed, which may come from anyone: no control reaches stderr.
      err.println("hoptrace: " + Printable.clean(e.getMessage()) + hint);
      return e.exitCode();
    } catch (NetworkException e) {
      err.println("hoptrace: " + Printable.clean(e.getMessage()));
      return e.reason() == NetworkException.Reason.PERMISSION
          ? ExitCode.PERMISSION
          : ExitCode.NETWORK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INTERNAL;
    } catch (RuntimeException e) {
      err.println("hoptrace: internal error: " + Printable.clean(String.valueOf(e))
          + " (please report it; set HOPTRACE_DEBUG=1 for details)");
      if (System.getenv("HOPTRACE_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return ExitCode.INTERNAL;
    }
  }

  /**
   * {@code hoptrace -l HOST} is {@code hoptrace live HOST}, as mtr users type it, and
   * {@code hoptrace --multipath HOST} is {@code hoptrace mda HOST}: the flag becomes the command
   * word (before any {@code --}, which ends the options).
   */
  private List<String> liveFlagToCommand(List<String> words) {
    if (subcommands.select(words).isPresent()) {
      return words;
    }
    int end = words.indexOf("--") < 0 ? words.size() : words.indexOf("--");
    List<String> options = words.subList(0, end);
    for (var entry : List.of(List.of("-l", "live"), List.of("--live", "live"),
        List.of("--multipath", "mda"))) {
      int flag = options.indexOf(entry.get(0));
      if (flag >= 0) {
        List<String> command = new java.util.ArrayList<>(List.of(entry.get(1)));
        command.addAll(words.subList(0, flag));
        command.addAll(words.subList(flag + 1, words.size()));
        return command;
      }
    }
    return words;
  }

  private int trace(List<String> args) throws UserError, NetworkException, InterruptedException {
    TraceCommand command = new TraceCommand();
    PrintStream out = context.out();
    switch (OptionParser.parse(TraceCommand.OPTIONS, args, command)) {
      case HELP -> {
        out.print(HelpText.of(TraceCommand.OPTIONS) + HelpText.commands(subcommands.all()));
        return ExitCode.OK;
      }
      case VERSION -> {
        out.println(Version.line());
        return ExitCode.OK;
      }
      case RUN -> {
        // below
      }
    }
    if (command.scenario != null) {
      return traceScenario(command);
    }
    InetAddress destination = HostResolver.resolve(command.host, command.ipv4, command.ipv6);
    Optional<HopNames> names = command.numeric ? Optional.empty() : Optional.of(names(command));
    HopFacts facts = HopFactSources.of(command, names, false);
    // Validated before the network is touched: a wrong option opens no socket.
    TraceRequest request = command.request(destination);
    // Raw sockets are all a trace needs root for: once its one session is open, nothing is.
    runTrace(command, request, new AfterOpening(context.network().get(),
        context.privileges()::dropAll), facts);
    return ExitCode.OK;
  }

  /** A trace through a scenario: in the lab when root may build it, else in the simulator. */
  private int traceScenario(TraceCommand command)
      throws UserError, NetworkException, InterruptedException {
    ScenarioTarget planned = scenario(command);
    TraceRequest request = command.request(planned.destination());
    Optional<HopNames> names = command.numeric ? Optional.empty()
        : Optional.of(new HopNames(new ScenarioNames(planned.scenario()), Duration.ofSeconds(1)));
    HopFacts facts = HopFactSources.of(command, names, true); // before a lab is built
    boolean useLab = !command.simulatorOnly && Libc.geteuid() == 0;
    try (ScenarioTarget target = useLab ? planned.inLab(context.err()) : planned) {
      context.err().println("hoptrace: scenario " + target.scenario().name() + ", "
          + target.where() + ": " + target.scenario().description());
      target.run(() -> {
        runTrace(command, request, target.network(), facts);
        return null;
      });
    } catch (UserError | NetworkException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return ExitCode.OK;
  }

  private void runTrace(TraceCommand command, TraceRequest request, Network network,
      HopFacts facts) throws NetworkException, InterruptedException {
    Tracer tracer = new Tracer(network);
    PrintStream out = context.out();
    if (command.output == OutputFormat.JSON) {
      // Lookups start as hops answer, so they run while the trace does, not after it.
      TraceResult result = tracer.trace(request, new TraceListener() {
        @Override
        public void probeAnswered(ProbeResult answered) {
          answered.responder().ifPresent(facts::prefetch);
        }
      });
      out.println(new JsonRenderer(Version.NUMBER, facts).render(result));
      return;
    }
    try (TextRenderer text = new TextRenderer(out, context.err(), facts, command.verbose,
        command.back, command.extensions)) {
      tracer.trace(request, text);
    }
  }

  private static ScenarioTarget scenario(TraceCommand command) throws UserError {
    try {
      return ScenarioTarget.prepare(command.scenario, command.host, command.ipv4, command.ipv6);
    } catch (ScenarioException e) {
      throw UserError.usage(e.getMessage());
    }
  }

  private static HopNames names(TraceCommand command) throws UserError {
    return names(command.dnsTimeout, command.dnsServer);
  }

  /** Reverse names through the system's resolvers or {@code dnsServer}, cached. */
  static HopNames names(double dnsTimeout, String dnsServer) throws UserError {
    Duration timeout = Duration.ofNanos((long) (dnsTimeout * 1e9));
    DnsReverseResolver.Builder dns = DnsReverseResolver.builder().timeout(timeout);
    if (dnsServer != null) {
      try {
        dns.server(dnsServer);
      } catch (IllegalArgumentException e) {
        throw UserError.usage("--dns-server: " + e.getMessage());
      }
    }
    return new HopNames(new CachingReverseResolver(dns.build()), timeout);
  }
}
