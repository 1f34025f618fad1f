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
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The hoptrace program with its streams and network injected: parses the command line, runs the
 * trace, and turns every failure into one line on stderr and an {@link ExitCode}.
 */
public final class Hoptrace {
  private final Supplier<Network> network;
  private final PrintStream out;
  private final PrintStream err;

  public Hoptrace(Supplier<Network> network, PrintStream out, PrintStream err) {
    this.network = network;
    this.out = out;
    this.err = err;
  }

  public int run(String... args) {
    TraceCommand command = new TraceCommand();
    CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    try {
      cli.parseArgs(args);
    } catch (ParameterException e) {
      err.println("hoptrace: " + e.getMessage() + " (see hoptrace --help)");
      return ExitCode.USAGE;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return ExitCode.OK;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(out);
      return ExitCode.OK;
    }
    try {
      trace(command);
      return ExitCode.OK;
    } catch (UserError e) {
      err.println("hoptrace: " + e.getMessage());
      return e.exitCode();
    } catch (NetworkException e) {
      err.println("hoptrace: " + e.getMessage());
      return e.reason() == NetworkException.Reason.PERMISSION ? ExitCode.PERMISSION : ExitCode.NETWORK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INTERNAL;
    } catch (RuntimeException e) {
      err.println("hoptrace: internal error: " + e + " (please report it; set HOPTRACE_DEBUG=1 for details)");
      if (System.getenv("HOPTRACE_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return ExitCode.INTERNAL;
    }
  }

  private void trace(TraceCommand command)
      throws UserError, NetworkException, InterruptedException {
    TraceRequest request = command.request(
        HostResolver.resolve(command.host, command.family.ipv4, command.family.ipv6));
    Optional<HopNames> names = command.numeric ? Optional.empty() : Optional.of(names(command));
    Tracer tracer = new Tracer(network.get());
    if (command.output == OutputFormat.JSON) {
      TraceResult result = tracer.trace(request, TraceListener.NONE);
      out.println(new JsonRenderer(Version.NUMBER, names).render(result));
      return;
    }
    try (TextRenderer text = new TextRenderer(out, err, names, command.verbose)) {
      tracer.trace(request, text);
    }
  }

  private static HopNames names(TraceCommand command) throws UserError {
    if (!(command.dnsTimeout > 0 && command.dnsTimeout <= 30)) {
      throw new UserError(ExitCode.USAGE, "--dns-timeout must be more than 0 and at most 30 seconds");
    }
    Duration timeout = Duration.ofNanos((long) (command.dnsTimeout * 1e9));
    DnsReverseResolver.Builder dns = DnsReverseResolver.builder().timeout(timeout);
    if (command.dnsServer != null) {
      try {
        dns.server(command.dnsServer);
      } catch (IllegalArgumentException e) {
        throw new UserError(ExitCode.USAGE, "--dns-server: " + e.getMessage());
      }
    }
    return new HopNames(new CachingReverseResolver(dns.build()), timeout);
  }
}
