package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.cli.render.OutputFormat;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms traceroute users type, read through the trace command's own option table. */
class OptionParserTest {

  private static TraceCommand parse(String... args) throws UserError {
    TraceCommand command = new TraceCommand();
    assertThat(OptionParser.parse(TraceCommand.OPTIONS, List.of(args), command))
        .isEqualTo(OptionParser.Outcome.RUN);
    return command;
  }

  private static String error(String... args) {
    TraceCommand command = new TraceCommand();
    try {
      OptionParser.Outcome outcome =
          OptionParser.parse(TraceCommand.OPTIONS, List.of(args), command);
      throw new AssertionError("parsed as " + outcome + ": " + List.of(args));
    } catch (UserError e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      return e.getMessage();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-q3", "-q 3", "--queries=3", "--queries 3"})
  void valueAttachedOrApartShortOrLong(String option) throws UserError {
    List<String> args = new java.util.ArrayList<>(List.of(option.split(" ")));
    args.add("example.net");
    assertThat(parse(args.toArray(String[]::new)).probesPerHop).isEqualTo(3);
  }

  @Test
  void clusteredFlagsAndAValueAtTheEndOfTheCluster() throws UserError {
    TraceCommand c = parse("-nI", "-vq", "2", "-4m10", "example.net");
    assertThat(c.numeric).isTrue();
    assertThat(c.protocol).isEqualTo(Protocol.ICMP);
    assertThat(c.verbose).isTrue();
    assertThat(c.probesPerHop).isEqualTo(2);
    assertThat(c.ipv4).isTrue();
    assertThat(c.maxTtl).isEqualTo(10);
  }

  @Test
  void longOptionsWithEqualsOrSpace() throws UserError {
    TraceCommand c = parse("--gap-limit=3", "--wait", "2", "--sendwait=50", "example.net");
    assertThat(c.gapLimit).isEqualTo(3);
    assertThat(c.wait.max()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.sendWait).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void positionalsMayComeBeforeAndBetweenOptions() throws UserError {
    TraceCommand c = parse("example.net", "-n", "100", "-q", "1");
    assertThat(c.host).isEqualTo("example.net");
    assertThat(c.packetLength).isEqualTo(100);
    assertThat(c.probesPerHop).isEqualTo(1);
  }

  @Test
  void defaultsAreTraceroutes() throws UserError {
    TraceCommand c = parse("example.net");
    assertThat(c.packetLength).isNull();
    assertThat(c.protocol).isEqualTo(Protocol.UDP);
    assertThat(c.firstTtl).isEqualTo(1);
    assertThat(c.maxTtl).isEqualTo(30);
    assertThat(c.probesPerHop).isEqualTo(3);
    assertThat(c.inFlight).isEqualTo(16);
    assertThat(c.gapLimit).isEqualTo(5);
    assertThat(c.mode).isEqualTo(ProbeMode.AUTO);
    assertThat(c.output).isEqualTo(OutputFormat.TEXT);
    assertThat(c.dnsTimeout).isEqualTo(1.0);
  }

  @Test
  void doubleDashEndsTheOptions() throws UserError {
    TraceCommand c = parse("-n", "--", "-weird-host", "64");
    assertThat(c.host).isEqualTo("-weird-host");
    assertThat(c.packetLength).isEqualTo(64);
    assertThat(c.numeric).isTrue();
  }

  @Test
  void aValueIsTheNextWordEvenWithADash() throws UserError {
    assertThat(error("-z", "-1", "example.net")).startsWith("-z/--sendwait: '-1' is out of range");
    assertThat(parse("-s", "-n", "example.net").source).isEqualTo("-n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "example.net -q         | -q needs a value: N",
      "example.net --queries  | --queries needs a value: N",
      "example.net -nq        | -q needs a value: N",
  })
  void missingValueAtTheEnd(String args, String message) {
    assertThat(error(args.split(" "))).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-Y example.net          | Unknown option '-Y'",
      "-nY example.net         | Unknown option '-Y' in '-nY'",
      "--no-such example.net   | Unknown option '--no-such'",
      "--gap 3 example.net     | Unknown option '--gap'; did you mean --gap-limit?",
      "--icmp=yes example.net  | --icmp takes no value, got 'yes'",
      "-q x example.net        | -q/--queries: 'x' is not a whole number",
      "-q 99999999999 a        | -q/--queries: '99999999999' is too large",
      "a 1 2             | unexpected argument '2' (usage: hoptrace [options] HOST [packetlen])",
      "example.net big         | packetlen: 'big' is not a whole number",
      "-n                      | missing HOST (usage: hoptrace [options] HOST [packetlen])",
      "--dns-timeout 31 a      | --dns-timeout: '31' is out of range: more than 0 and at most 30 s",
  })
  void mistakesNameTheOptionAndTheValue(String args, String message) {
    assertThat(error(args.split(" "))).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-I -T example.net       | -I and -T are mutually exclusive: give one of -I, -T, -U",
      "-nIU example.net        | -I and -U are mutually exclusive: give one of -I, -T, -U",
      "--tcp --udp example.net | --tcp and --udp are mutually exclusive: give one of -I, -T, -U",
      "-6 -4 example.net       | -6 and -4 are mutually exclusive: give one of -4, -6",
  })
  void exclusiveFlagsCannotBeCombined(String args, String message) {
    assertThat(error(args.split(" "))).isEqualTo(message);
  }

  @Test
  void repeatingTheSameExclusiveFlagIsFine() throws UserError {
    assertThat(parse("-I", "--icmp", "example.net").protocol).isEqualTo(Protocol.ICMP);
  }

  @Test
  void enumValuesIgnoreCase() throws UserError {
    assertThat(parse("--mode", "RAW", "example.net").mode).isEqualTo(ProbeMode.RAW);
    assertThat(parse("--mode=Unprivileged", "example.net").mode).isEqualTo(ProbeMode.UNPRIVILEGED);
    assertThat(parse("-oJSON", "example.net").output).isEqualTo(OutputFormat.JSON);
    assertThat(error("--mode", "sideways", "example.net"))
        .isEqualTo("--mode: 'sideways' is not one of auto, raw, unprivileged");
  }

  @ParameterizedTest
  @CsvSource({"--help, HELP", "-h, HELP", "--version, VERSION", "-V, VERSION", "-nV, VERSION"})
  void helpAndVersionNeedNoHost(String option, OptionParser.Outcome outcome) throws UserError {
    assertThat(OptionParser.parse(TraceCommand.OPTIONS, List.of(option), new TraceCommand()))
        .isEqualTo(outcome);
    assertThat(OptionParser.parse(TraceCommand.OPTIONS, List.of("-n", option, "--no-such"),
        new TraceCommand())).as("stops at help or version").isEqualTo(outcome);
  }

  @Test
  void helpListsEveryOptionWithinOneHundredColumns() {
    String help = HelpText.of(TraceCommand.OPTIONS);
    assertThat(help).startsWith("Usage: hoptrace [options] HOST [packetlen]\n")
        .contains("  -q, --queries=N               Probes per hop (default 3).\n")
        .contains("      --gap-limit=N             Stop after N silent hops")
        .contains("Give at most one of -4, -6 and at most one of -I, -T, -U.");
    for (Option<TraceCommand> option : TraceCommand.OPTIONS.options()) {
      assertThat(help).contains(String.join(", ", option.names()));
    }
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
  }
}
