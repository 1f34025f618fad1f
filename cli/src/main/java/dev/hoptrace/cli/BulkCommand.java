package dev.hoptrace.cli;

import dev.hoptrace.cli.bulk.ProgressLine;
import dev.hoptrace.cli.bulk.ResultWriter;
import dev.hoptrace.cli.bulk.ResumeFile;
import dev.hoptrace.cli.bulk.TargetFile;
import dev.hoptrace.cli.render.AtlasRenderer;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.JsonRenderer;
import dev.hoptrace.cli.scenario.ScenarioTarget;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.bulk.BulkEngine;
import dev.hoptrace.core.bulk.BulkNetwork;
import dev.hoptrace.core.bulk.BulkSettings;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkSummary;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.scenario.ScenarioException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code hoptrace bulk -f FILE}: traces every destination in FILE with the stateless bulk engine
 * at a ceiling rate, on the machine's network or through a scenario, and writes one result line
 * per destination as soon as it is complete (docs/bulk.md).
 */
final class BulkCommand implements Subcommand {
  /** The exit code of a run stopped by Ctrl-C, as a shell reports a SIGINT death. */
  static final int INTERRUPTED = 130;

  @Override
  public String name() {
    return "bulk";
  }

  @Override
  public String summary() {
    return "trace every destination in a file at a ceiling rate (JSON Lines; -o atlas)";
  }

  @Override
  public int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    BulkOptions options = new BulkOptions();
    if (!OptionParser.parseToRun(BulkOptions.OPTIONS, args, options, context.out())) {
      return ExitCode.OK;
    }
    if (options.file == null) {
      throw UserError.usage("give the destinations with -f FILE (one a line; - reads stdin)");
    }
    if (options.write != null && options.resume != null) {
      throw UserError.usage("--write and --resume both name the output file: give one");
    }
    Set<InetAddress> done = done(options);
    Optional<ScenarioTarget> planned = Optional.empty();
    if (options.scenario != null) {
      try {
        planned = Optional.of(ScenarioTarget.prepare(options.scenario, options.ipv6));
      } catch (ScenarioException e) {
        throw UserError.usage(e.getMessage());
      }
    }
    TargetFile.Read read = readTargets(options, planned, done, context.err());
    if (read.targets() == null) {
      context.err().println("hoptrace: bulk: nothing to trace"
          + (done.isEmpty() ? " (no destinations in " + options.file + ")"
              : " (all " + done.size() + " destinations are already in " + options.resume + ")"));
      return ExitCode.OK;
    }
    BulkSettings settings = settings(options, read);
    try (PrintStream out = output(options, context)) {
      if (planned.isEmpty()) {
        return run(context.network().get(), settings, options, out, context);
      }
      boolean useLab = !options.simulatorOnly && Libc.geteuid() == 0;
      try (ScenarioTarget target = useLab ? planned.get().inLab(context.err()) : planned.get()) {
        context.err().println("hoptrace: scenario " + target.scenario().name() + ", "
            + target.where() + ": " + target.scenario().description());
        return target.run(() -> run(target.network(), settings, options, out, context));
      } catch (UserError | NetworkException | InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static Set<InetAddress> done(BulkOptions options) throws UserError {
    if (options.resume == null) {
      return Set.of();
    }
    try {
      return ResumeFile.done(Path.of(options.resume));
    } catch (IOException e) {
      throw UserError.usage("--resume " + options.resume + ": " + e.getMessage());
    }
  }

  private static TargetFile.Read readTargets(BulkOptions options,
      Optional<ScenarioTarget> scenario, Set<InetAddress> done, PrintStream err)
      throws UserError {
    Boolean family = options.ipv6 ? Boolean.TRUE : options.ipv4 ? Boolean.FALSE : null;
    TargetFile.Resolver resolver = name -> {
      if (scenario.isPresent()) {
        try {
          return Optional.of(scenario.get().destinationOf(name, options.ipv4, options.ipv6));
        } catch (ScenarioException e) {
          return Optional.empty();
        }
      }
      try {
        return Optional.of(HostResolver.resolve(name, options.ipv4, options.ipv6));
      } catch (UserError e) {
        return Optional.empty();
      }
    };
    boolean stdin = options.file.equals("-");
    TargetFile file = new TargetFile(stdin ? "stdin" : options.file, resolver, family,
        warning -> err.println("hoptrace: " + warning));
    try (BufferedReader in = stdin
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(options.file), StandardCharsets.UTF_8)) {
      TargetFile.Read read = file.read(in, done::contains);
      if (read.skippedFamily() > 0) {
        err.println("hoptrace: bulk: " + read.skippedFamily() + " lines of the other family"
            + " skipped (" + (options.ipv6 ? "-6" : "-4") + ")");
      }
      return read;
    } catch (NoSuchFileException e) {
      throw UserError.usage("cannot read " + options.file + ": no such file");
    } catch (IOException e) {
      throw UserError.usage("cannot read " + options.file + ": " + e.getMessage());
    } catch (TargetFile.BadLine e) {
      throw UserError.usage(e.getMessage());
    }
  }

  private static BulkSettings settings(BulkOptions options, TargetFile.Read read)
      throws UserError {
    SecureRandom random = new SecureRandom();
    try {
      boolean v6 = read.targets().ipv6();
      int port = options.port != null ? options.port
          : options.protocol == Protocol.TCP ? TraceRequest.DEFAULT_TCP_PORT : 33434;
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port (-p) must be 1..65535, got " + port);
      }
      BulkSpec spec = new BulkSpec(read.targets(), options.protocol, options.mode, options.paris,
          options.protocol == Protocol.ICMP ? 1 : port,
          options.packetLength != null ? options.packetLength
              : BulkSpec.defaultLength(options.protocol, v6), options.tos,
          random.nextLong());
      if (!(options.waitSeconds > 0 && options.waitSeconds <= 60)) {
        throw new IllegalArgumentException("wait (--wait) must be more than 0 and at most 60 s");
      }
      return new BulkSettings(spec, options.firstTtl, options.maxTtl, options.probesPerHop,
          options.gapLimit, options.rate, Duration.ofNanos((long) (options.waitSeconds * 1e9)),
          BulkSettings.defaultActive(options.rate, read.targets().size()), random.nextLong());
    } catch (IllegalArgumentException e) {
      throw UserError.usage(e.getMessage());
    }
  }

  private static PrintStream output(BulkOptions options, CommandContext context)
      throws UserError {
    String path = options.write != null ? options.write : options.resume;
    if (path == null) {
      // Not ours to close: a stream that forwards to stdout. Buffered: the writer flushes after
      // each batch of results, not one write(2) per line.
      return new PrintStream(new BufferedOutputStream(context.out(), 1 << 16), false,
          StandardCharsets.UTF_8) {
        @Override
        public void close() {
          flush();
        }
      };
    }
    try {
      OutputStream file = options.write != null
          ? Files.newOutputStream(Path.of(path))
          : Files.newOutputStream(Path.of(path), StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
      return new PrintStream(new BufferedOutputStream(file, 1 << 16), false,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw UserError.usage("cannot write " + path + ": " + e.getMessage());
    }
  }

  private static int run(Network network, BulkSettings settings, BulkOptions options,
      PrintStream out, CommandContext context) throws NetworkException {
    if (!(network instanceof BulkNetwork bulk)) {
      throw new NetworkException(NetworkException.Reason.UNSUPPORTED,
          "this network cannot carry bulk traces");
    }
    PrintStream err = context.err();
    JsonRenderer json = new JsonRenderer(Version.NUMBER, HopFacts.names(Optional.empty()));
    AtlasRenderer atlas = new AtlasRenderer(Version.NUMBER);
    int total = settings.spec().targets().size();
    try (BulkTransport transport = bulk.openBulk(settings.spec())) {
      err.println("hoptrace: bulk: " + total + " destinations, at most "
          + String.format(Locale.ROOT, "%.0f", settings.rate()) + " probes/s; "
          + transport.info().mode().name().toLowerCase(Locale.ROOT) + " mode: "
          + transport.info().description());
      BulkSummary summary;
      try (ResultWriter writer = new ResultWriter(out, result ->
          options.output == BulkOptions.Output.ATLAS
              ? atlas.render(result, System.currentTimeMillis()) : json.render(result))) {
        BulkEngine engine = new BulkEngine(transport, settings, writer);
        summary = run(engine, err, total);
      }
      err.println(summaryLine(summary, options));
      return summary.stopped() ? INTERRUPTED : ExitCode.OK;
    }
  }

  /** Runs the engine with Ctrl-C stopping it and, on a terminal, the progress line. */
  private static BulkSummary run(BulkEngine engine, PrintStream err, int total)
      throws NetworkException {
    try (Interrupts ignored = Interrupts.onInterrupt(engine::stop);
        ProgressLine progress = err == System.err && System.console() != null
            && System.console().isTerminal()
            ? new ProgressLine(err, total, engine::completed, engine::probesSent,
                engine::repliesMatched) : null) {
      return engine.run();
    }
  }

  private static String summaryLine(BulkSummary s, BulkOptions options) {
    double seconds = s.elapsedNanos() / 1e9;
    String line = String.format(Locale.ROOT, "hoptrace: bulk: %d/%d destinations traced in %.1f s:"
            + " %d probes (%.0f/s while sending), %d replies; dropped: %d unmatched, %d late,"
            + " %d duplicate, %d malformed", s.completed(), s.destinations(), seconds,
        s.probesSent(), s.sendingRate(), s.replies(), s.unmatched(), s.late(),
        s.duplicates(), s.malformed());
    if (s.stopped()) {
      String file = options.resume != null ? options.resume : options.write;
      line += "\nhoptrace: bulk: interrupted; the " + s.completed() + " complete destinations"
          + " were written" + (file != null ? ", continue with --resume " + file : "");
    }
    return line;
  }
}
