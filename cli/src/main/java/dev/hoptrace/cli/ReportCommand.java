package dev.hoptrace.cli;

import dev.hoptrace.cli.live.TargetRunner;
import dev.hoptrace.cli.report.LocalHostName;
import dev.hoptrace.cli.report.Printable;
import dev.hoptrace.cli.report.Report;
import dev.hoptrace.cli.report.ReportFormat;
import dev.hoptrace.cli.report.ReportOptions;
import dev.hoptrace.core.diagnosis.Diagnosis;
import dev.hoptrace.core.diagnosis.DirectCheck;
import dev.hoptrace.core.live.DirectChecker;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.NetworkException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code hoptrace report}: mtr's report mode. Runs N rounds to every HOST at once, checks hops that
 * lose replies directly (are they rate-limiting?), and prints one table per target with the
 * diagnosis, as text, JSON or CSV. Ends as soon as the last round is complete, with no fixed grace.
 */
final class ReportCommand implements Subcommand {
  private static final OptionTable<WatchCommand> OPTIONS = WatchCommand.options("hoptrace report",
      "Watch the path to each HOST for N rounds, then print per-hop statistics and a diagnosis.",
      "Rounds to run (default 10).", List.of("text", "json", "csv"));

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "N rounds to HOST, then statistics and a diagnosis (mtr --report; -o json|csv)";
  }

  @Override
  public int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    WatchCommand command = new WatchCommand(10);
    if (!OptionParser.parseToRun(OPTIONS, args, command, context.out())) {
      return ExitCode.OK;
    }
    if (command.rounds < 1) {
      throw UserError.usage("a report needs a number of rounds: -c N with N of 1 or more");
    }
    RoundPolicy policy = command.policy();
    Instant started = Instant.now();
    try (WatchPlace place = WatchPlace.open(command, context, false)) {
      List<TargetRunner> runners = WatchRun.start(command, place, policy, false);
      List<LiveSnapshot> finals = new ArrayList<>();
      for (TargetRunner runner : runners) {
        runner.awaitFinished();
        finals.add(checked(runner, place));
      }
      for (TargetRunner runner : runners) {
        runner.failure().ifPresent(f -> context.err().println(
            "hoptrace: " + Printable.clean(runner.label() + ": " + f)));
      }
      ReportFormat format = ReportFormat.valueOf(command.output.toUpperCase(Locale.ROOT));
      format.renderer(new ReportOptions(place.facts(), command.wide, Version.NUMBER,
              ZoneId.systemDefault()))
          .render(new Report(started, LocalHostName.get(), finals), context.out());
      return ExitCode.OK;
    }
  }

  /** The final snapshot, its diagnosis revised after probing suspect hops directly. */
  private static LiveSnapshot checked(TargetRunner runner, WatchPlace place)
      throws InterruptedException {
    LiveSnapshot last = runner.latest();
    var suspects = Diagnosis.suspects(last.hops());
    if (suspects.isEmpty()) {
      return last;
    }
    AtomicReference<Map<Integer, DirectCheck>> checks = new AtomicReference<>(Map.of());
    try {
      place.confinement().run(() -> {
        checks.set(new DirectChecker(place.network()).check(runner.request(), suspects));
        return null;
      });
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return last; // unchecked: the diagnosis stays as the rounds left it
    }
    return last.withFindings(Diagnosis.of(runner.request(), last.hops(), checks.get()));
  }
}
