package dev.hoptrace.cli;

import dev.hoptrace.cli.render.FlowPathsJson;
import dev.hoptrace.cli.render.FlowPathsText;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.cli.render.MultipathDot;
import dev.hoptrace.cli.render.MultipathJson;
import dev.hoptrace.cli.render.MultipathReport;
import dev.hoptrace.cli.render.MultipathText;
import dev.hoptrace.cli.scenario.ScenarioNames;
import dev.hoptrace.cli.scenario.ScenarioTarget;
import dev.hoptrace.core.MultipathTracer;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.mda.FlowPaths;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.scenario.ScenarioException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code hoptrace mda HOST}: a multipath trace (MDA-Lite by default, the full MDA with
 * {@code --full}) over Paris flows, printed as text, JSON or a Graphviz graph; or, with
 * {@code --flows N}, N fixed flows each traced on its own (docs/mda.md).
 */
final class MdaCommand implements Subcommand {

  /** What runs once the network is chosen: the MDA or the fixed flows. */
  private interface Job<T> {
    T run(MultipathTracer tracer, TraceRequest request) throws NetworkException;
  }

  @Override
  public String name() {
    return "mda";
  }

  @Override
  public String summary() {
    return "every load-balanced path to HOST, interfaces and edges (MDA; -o json|dot; --flows N)";
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
    if (options.flows == null) {
      Probed<MultipathTracer.Run> run = probe(options, context,
          (tracer, request) -> tracer.trace(request, settings, options.attempts));
      print(options, new MultipathReport(run.request(), run.value(),
          named(run.names(), run.value().result().interfaces())), context);
      return ExitCode.OK;
    }
    if (options.output == MdaOptions.Output.DOT || options.svg != null) {
      throw UserError.usage("--flows prints text or json (-o json), not a graph");
    }
    Probed<MultipathTracer.FlowsRun> run = probe(options, context,
        (tracer, request) -> tracer.traceFlows(request, options.flows, options.attempts));
    MultipathTracer.FlowsRun flows = run.value();
    var names = named(run.names(), flows.paths().stream().flatMap(p -> p.hops().stream())
        .map(MdaCommand::address).flatMap(Optional::stream).toList());
    if (options.output == MdaOptions.Output.JSON) {
      context.out().println(FlowPathsJson.render(run.request(), flows.paths(),
          flows.packetsSent(), flows.elapsedNanos(), names, Version.NUMBER));
    } else {
      FlowPathsText.render(run.request(), flows.session(), flows.paths(), flows.packetsSent(),
          flows.elapsedNanos(), names, context.out());
    }
    return ExitCode.OK;
  }

  /** A job's result with the request it ran and the names to print with it. */
  private record Probed<T>(T value, TraceRequest request, Optional<HopNames> names) {}

  /** Runs {@code job} on the machine's network, or in the scenario's lab or simulator. */
  private static <T> Probed<T> probe(MdaOptions options, CommandContext context, Job<T> job)
      throws UserError, NetworkException, InterruptedException {
    if (options.scenario == null) {
      InetAddress destination = HostResolver.resolve(options.host, options.ipv4, options.ipv6);
      TraceRequest request = options.request(destination);
      Optional<HopNames> names = options.numeric ? Optional.empty()
          : Optional.of(Hoptrace.names(options.dnsTimeout, options.dnsServer));
      // A multipath trace opens a session per stage: raw sockets stay allowed to the end.
      context.privileges().keepOnlyRawSockets();
      return new Probed<>(run(job, new MultipathTracer(context.network().get()), request),
          request, names);
    }
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
    try (ScenarioTarget target = useLab ? planned.inLab(context.err()) : planned) {
      context.err().println("hoptrace: scenario " + target.scenario().name() + ", "
          + target.where() + ": " + target.scenario().description());
      T value = target.run(() -> run(job, new MultipathTracer(target.network()), request));
      return new Probed<>(value, request, names);
    } catch (UserError | NetworkException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T run(Job<T> job, MultipathTracer tracer, TraceRequest request)
      throws NetworkException, UserError {
    try {
      return job.run(tracer, request);
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage()); // TCP, or too many flows
    }
  }

  private static Optional<InetAddress> address(dev.hoptrace.core.mda.Answer answer) {
    return switch (answer) {
      case dev.hoptrace.core.mda.Answer.Router router -> Optional.of(router.address());
      case dev.hoptrace.core.mda.Answer.Destination end -> Optional.of(end.address());
      case dev.hoptrace.core.mda.Answer.Silent silent -> Optional.empty();
    };
  }

  /** Names of {@code addresses}, looked up together once the trace is done. */
  private static Function<InetAddress, Optional<String>> named(Optional<HopNames> names,
      Collection<InetAddress> addresses) {
    if (names.isEmpty()) {
      return address -> Optional.empty();
    }
    HopNames lookup = names.get();
    addresses.forEach(lookup::prefetch);
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
