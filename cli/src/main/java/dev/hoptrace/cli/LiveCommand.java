package dev.hoptrace.cli;

import dev.hoptrace.cli.live.KnownNames;
import dev.hoptrace.cli.live.KnownOrigins;
import dev.hoptrace.cli.live.LiveTarget;
import dev.hoptrace.cli.live.LiveView;
import dev.hoptrace.cli.live.LiveViewSettings;
import dev.hoptrace.cli.live.TargetRunner;
import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.NetworkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * {@code hoptrace live} (and {@code hoptrace -l}): mtr's live mode. One continuous trace per HOST,
 * each with its own sockets and trace identity, drawn full screen until the user quits.
 */
final class LiveCommand implements Subcommand {
  static final OptionTable<WatchCommand> OPTIONS = WatchCommand.options("hoptrace live",
      "Watch the path to each HOST continuously, full screen, as replies arrive (keys: h).",
      "Rounds to run, 0 for until you quit (default 0).", List.of());

  @Override
  public String name() {
    return "live";
  }

  @Override
  public String summary() {
    return "watch HOST continuously, full screen (mtr); also hoptrace -l HOST";
  }

  @Override
  public int run(List<String> args, CommandContext context)
      throws UserError, NetworkException, InterruptedException {
    WatchCommand command = new WatchCommand(0);
    if (!OptionParser.parseToRun(OPTIONS, args, command, context.out())) {
      return ExitCode.OK;
    }
    RoundPolicy policy = command.policy();
    try (Terminal terminal = terminal()) {
      try (WatchPlace place = WatchPlace.open(command, context, true)) {
        if (command.mtu) {
          // The view opens after discovery, which takes about as long as a one-shot trace.
          context.err().println("hoptrace: discovering the path MTU first (--mtu)...");
        }
        List<TargetRunner> runners = WatchRun.start(command, place, policy, true);
        try {
          LiveView.run(terminal, List.<LiveTarget>copyOf(runners), settings(place.facts()));
        } finally {
          WatchRun.stop(runners);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExitCode.OK;
  }

  /** What the view shows of hops besides the trace: names, AS numbers and places, as asked. */
  static LiveViewSettings settings(HopFacts facts) {
    return facts.names()
        .map(n -> LiveViewSettings.DEFAULT.withNames(KnownNames.of(n)))
        .orElse(LiveViewSettings.DEFAULT)
        .withOrigins(KnownOrigins.of(facts));
  }

  /** The process's terminal; a pipe or a dumb terminal cannot show the view. */
  private static Terminal terminal() throws UserError {
    try {
      Terminal terminal = LiveView.systemTerminal();
      if (Terminal.TYPE_DUMB.equals(terminal.getType())
          || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
        terminal.close();
        throw UserError.usage("the live view needs a terminal; for a report on a pipe or in a"
            + " script use hoptrace report HOST");
      }
      return terminal;
    } catch (IOException e) {
      throw UserError.usage("cannot open the terminal (" + e.getMessage()
          + "); use hoptrace report HOST instead");
    }
  }
}
