package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first word picks a subcommand only when it is one; anything else stays a trace. */
class SubcommandsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<List<String>> demoRuns = new ArrayList<>();

  private final Subcommand demo = new Subcommand() {
    @Override
    public String name() {
      return "demo";
    }

    @Override
    public String summary() {
      return "Trace through a built-in lab.";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UserError {
      demoRuns.add(args);
      if (args.contains("--bad")) {
        throw UserError.usage("Unknown option '--bad'");
      }
      return ExitCode.OK;
    }
  };

  private int run(String... args) {
    Network none = spec -> {
      throw new AssertionError("no network in these tests");
    };
    return new Hoptrace(() -> none, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), List.of(demo)).run(args);
  }

  @Test
  void theFirstWordSelectsASubcommandWithTheRestOfTheLine() {
    assertThat(run("demo", "--list", "x")).isZero();
    assertThat(demoRuns).containsExactly(List.of("--list", "x"));
  }

  @Test
  void anUnknownWordIsTheTraceCommandsHost() throws UserError {
    assertThat(new Subcommands(List.of(demo)).select(List.of("dmeo", "-n"))).isEmpty();
    TraceCommand trace = new TraceCommand();
    OptionParser.parse(TraceCommand.OPTIONS, List.of("dmeo", "-n"), trace);
    assertThat(trace.host).isEqualTo("dmeo");
    // Through the program: the trace command, not demo, refuses demo's option.
    assertThat(run("dmeo", "--list")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option '--list'");
    assertThat(demoRuns).isEmpty();
  }

  @Test
  void aSubcommandNameAfterAnOptionOrDoubleDashIsAHost() {
    assertThat(new Subcommands(List.of(demo)).select(List.of("-n", "demo"))).isEmpty();
    assertThat(new Subcommands(List.of(demo)).select(List.of("--", "demo"))).isEmpty();
  }

  @Test
  void aSubcommandsUsageErrorPointsAtItsOwnHelp() {
    assertThat(run("demo", "--bad")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("hoptrace: Unknown option '--bad' (see hoptrace demo --help)"
            + System.lineSeparator());
  }

  @Test
  void theTraceHelpListsTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\n\nCommands (the first word; any other first word is the HOST):\n"
            + "  demo                          Trace through a built-in lab.\n");
  }
}
