package dev.hoptrace.cli;

import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.render.JsonRenderer;
import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.cli.render.TextRenderer;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.lookup.dns.CachingReverseResolver;
import dev.hoptrace.lookup.dns.DnsReverseResolver;
import java.io.PrintStream;
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
    this(network, out, err, List.of());
  }

  Hoptrace(Supplier<Network> network, PrintStream out, PrintStream err,
      List<Subcommand> subcommands) {
    this.context = new CommandContext(network, out, err);
    this.subcommands = new Subcommands(subcommands);
  }

  public int run(String... args) {
    List<String> words = List.of(args);
    Optional<Subcommand> subcommand = subcommands.select(words);
    String command = subcommand.map(s -> "hoptrace " + s.name()).orElse("hoptrace");
    PrintStream err = context.err();
    try {
      return subcommand.isPresent()
          ? subcommand.get().run(words.subList(1, words.size()), context)
          : trace(words);
    } catch (UserError e) {
      String hint = e.exitCode() == ExitCode.USAGE ? " (see " + command + " --help)" : "";
      err.println("hoptrace: " + e.getMessage() + hint);
      return e.exitCode();
    } catch (NetworkException e) {
      err.println("hoptrace: " + e.getMessage());
      return e.reason() == NetworkException.Reason.PERMISSION
          ? ExitCode.PERMISSION
          : ExitCode.NETWORK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INTERNAL;
    } catch (RuntimeException e) {
      err.println("hoptrace: internal error: " + e
          + " (please report it; set HOPTRACE_DEBUG=1 for details)");
      if (System.getenv("HOPTRACE_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return ExitCode.INTERNAL;
    }
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
    TraceRequest request =
        command.request(HostResolver.resolve(command.host, command.ipv4, command.ipv6));
    Optional<HopNames> names = command.numeric ? Optional.empty() : Optional.of(names(command));
    Tracer tracer = new Tracer(context.network().get());
    if (command.output == OutputFormat.JSON) {
      TraceResult result = tracer.trace(request, TraceListener.NONE);
      out.println(new JsonRenderer(Version.NUMBER, names).render(result));
      return ExitCode.OK;
    }
    try (TextRenderer text = new TextRenderer(out, context.err(), names, command.verbose)) {
      tracer.trace(request, text);
    }
    return ExitCode.OK;
  }

  private static HopNames names(TraceCommand command) throws UserError {
    Duration timeout = Duration.ofNanos((long) (command.dnsTimeout * 1e9));
    DnsReverseResolver.Builder dns = DnsReverseResolver.builder().timeout(timeout);
    if (command.dnsServer != null) {
      try {
        dns.server(command.dnsServer);
      } catch (IllegalArgumentException e) {
        throw UserError.usage("--dns-server: " + e.getMessage());
      }
    }
    return new HopNames(new CachingReverseResolver(dns.build()), timeout);
  }
}
