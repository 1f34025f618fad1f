package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines end with one line on stderr and exit 2, before any socket is opened. */
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicBoolean networkUsed = new AtomicBoolean();

  private int run(String... args) {
    Network refusing = spec -> {
      throw new NetworkException(NetworkException.Reason.PERMISSION, "raw sockets need root");
    };
    return new Hoptrace(() -> {
      networkUsed.set(true);
      return refusing;
    }, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-Y 127.0.0.1                 | Unknown option",
      "-m 0 127.0.0.1               | max TTL (-m) must be 1..255",
      "-m 300 127.0.0.1             | max TTL (-m) must be 1..255",
      "-f 9 -m 5 127.0.0.1          | first TTL (-f) must be 1..5",
      "-q 11 127.0.0.1              | probes per hop (-q) must be 1..10",
      "-N 0 127.0.0.1               | probes in flight (-N) must be 1..1024",
      "-w 5,3 127.0.0.1             | expected MAX or MAX,HERE,NEAR",
      "-w abc 127.0.0.1             | is not a number",
      "-w 0 127.0.0.1               | wait must be more than 0",
      "-z -1 127.0.0.1              | send wait must be",
      "-p 70000 -T 127.0.0.1        | port (-p) must be 1..65535",
      "-t 256 127.0.0.1             | TOS / traffic class (-t) must be 0..255",
      "-I -T 127.0.0.1              | mutually exclusive",
      "--paris -T --mode unprivileged 127.0.0.1 | --paris with TCP needs raw mode",
      "--flow 1 -T 127.0.0.1        | flow 1 needs UDP or ICMP",
      "--flow 5000 127.0.0.1        | flow (--flow) must be 0..4095",
      "--flow x 127.0.0.1           | --flow",
      "-4 -6 127.0.0.1              | mutually exclusive",
      "--mode sideways 127.0.0.1    | --mode",
      "-o xml 127.0.0.1             | --output",
      "-s host.example 127.0.0.1    | source address (-s) must be a numeric address",
      "-s ::1 127.0.0.1             | not of the destination's family",
      "127.0.0.1 70000              | packet length must be 0..65000",
      "''                           | HOST is empty",
  })
  void badCommandLinesAreRefusedWithOneLine(String args, String message) {
    int code = run(args.equals("''") ? new String[] {""} : args.trim().split("\\s+"));
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("hoptrace: ").contains(message);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(networkUsed).isFalse();
  }

  @Test
  void missingHostIsAUsageError() {
    assertThat(run()).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).contains("HOST");
  }

  @Test
  void ipv4OnlyForAnIpv6LiteralSaysSo() {
    assertThat(run("-4", "::1")).isEqualTo(ExitCode.UNKNOWN_HOST);
    assertThat(stderr()).contains("has no IPv4 address");
  }

  @Test
  void permissionProblemsExitWithFourAndTheNetworkMessage() {
    assertThat(run("-n", "127.0.0.1")).isEqualTo(ExitCode.PERMISSION);
    assertThat(stderr()).isEqualTo("hoptrace: raw sockets need root" + System.lineSeparator());
  }

  @Test
  void helpAndVersionGoToStdoutAndExitZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-w, --wait=MAX[,HERE,NEAR]", "--gap-limit");
    out.reset();
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("hoptrace " + Version.NUMBER);
  }

  @Test
  void whatTheUserTypedIsEchoedWithoutItsControlCharacters() {
    // A script passing on a name or option it was given must not let it drive the terminal.
    int code = run("--mode", "x\u001b]0;PWNED\u0007\u202e", "127.0.0.1");
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("hoptrace: --mode: 'x?]0;PWNED??' ").endsWith("\n")
        .doesNotContain("\u001b", "\u0007", "\u202e");
    assertThat(stderr().lines()).hasSize(1);
    assertThat(networkUsed).isFalse();
  }
}
