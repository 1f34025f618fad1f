package dev.hoptrace.cli;

import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.render.MultipathDot;
import dev.hoptrace.cli.render.MultipathJson;
import dev.hoptrace.cli.render.MultipathReport;
import dev.hoptrace.cli.render.MultipathText;
import dev.hoptrace.cli.scenario.ScenarioNames;
import dev.hoptrace.cli.scenario.ScenarioTarget;
import dev.hoptrace.core.MultipathTracer;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.scenario.ScenarioException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code hoptrace mda HOST}: a multipath trace (MDA-Lite by default, the full MDA with
 * {@code --full}) over Paris flows, printed as text, JSON or a Graphviz graph (docs/mda.md).
 */
final class MdaCommand implements Subcommand {

  @Override
  public String name() {
    return "mda";
  }

  @Override
  public String summary() {
    return "every load-balanced path to HOST, interfaces and edges (MDA; -o json|dot)";
  }

  @Override
  public int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    MdaOptions options = new MdaOptions();
    if (!OptionParser.parseToRun(MdaOptions.OPTIONS, args, options, context.out())) {
      return ExitCode.OK;
    }
    MdaSettings settings = options.settings();
    if (options.attempts < 1 || options.attempts > 10) {
      throw UserError.usage("attempts (-q) must be 1..10, got " + options.attempts);
    }
    if (options.scenario != null) {
      return inScenario(options, settings, context);
    }
    InetAddress destination = HostResolver.resolve(options.host, options.ipv4, options.ipv6);
    TraceRequest request = options.request(destination);
    Optional<HopNames> names = options.numeric ? Optional.empty()
        : Optional.of(Hoptrace.names(options.dnsTimeout, options.dnsServer));
    MultipathTracer.Run run = trace(context.network().get(), request, settings, options);
    print(options, new MultipathReport(request, run, named(names, run)), context);
    return ExitCode.OK;
  }

  private int inScenario(MdaOptions options, MdaSettings settings, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    ScenarioTarget planned;
    try {
      planned = ScenarioTarget.prepare(options.scenario, options.host, options.ipv4, options.ipv6);
    } catch (ScenarioException e) {
      throw UserError.usage(e.getMessage());
    }
    TraceRequest request = options.request(planned.destination());
    Optional<HopNames> names = options.numeric ? Optional.empty()
        : Optional.of(new HopNames(new ScenarioNames(planned.scenario()), Duration.ofSeconds(1)));
    boolean useLab = !options.simulatorOnly && Libc.geteuid() == 0;
    MultipathTracer.Run run;
    try (ScenarioTarget target = useLab ? planned.inLab(context.err()) : planned) {
      context.err().println("hoptrace: scenario " + target.scenario().name() + ", "
          + target.where() + ": " + target.scenario().description());
      run = target.run(() -> trace(target.network(), request, settings, options));
    } catch (UserError | NetworkException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    print(options, new MultipathReport(request, run, named(names, run)), context);
    return ExitCode.OK;
  }

  private static MultipathTracer.Run trace(Network network, TraceRequest request,
      MdaSettings settings, MdaOptions options) throws NetworkException, UserError {
    try {
      return new MultipathTracer(network).trace(request, settings, options.attempts);
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage()); // TCP, or a flow past the ports
    }
  }

  /** Names of every interface, looked up together once the trace is done. */
  private static Function<InetAddress, Optional<String>> named(Optional<HopNames> names,
      MultipathTracer.Run run) {
    if (names.isEmpty()) {
      return address -> Optional.empty();
    }
    HopNames lookup = names.get();
    run.result().interfaces().forEach(lookup::prefetch);
    return lookup::name;
  }

  private static void print(MdaOptions options, MultipathReport report, CommandContext context)
      throws InterruptedException {
    switch (options.output) {
      case TEXT -> MultipathText.render(report, context.out());
      case JSON -> context.out().println(MultipathJson.render(report, Version.NUMBER));
      case DOT -> context.out().print(MultipathDot.render(report));
    }
    if (options.svg != null) {
      Graphviz.svg(MultipathDot.render(report), Path.of(options.svg))
          .ifPresent(problem -> context.err().println("hoptrace: --svg: " + problem));
    }
  }
}
