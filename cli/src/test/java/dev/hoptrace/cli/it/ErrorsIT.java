package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exit codes and error messages of the command contract: one line, no stack trace. */
class ErrorsIT {
  private static Lab lab;
  private static Hoptrace hoptrace;
  private static String dst4;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(2).start();
    hoptrace = new Hoptrace(lab);
    dst4 = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  /** Exit {@code code} with exactly one {@code hoptrace: } line on stderr and nothing more. */
  private static void assertFails(ExecResult run, int code) {
    assertThat(run.timedOut()).as(run.describe()).isFalse();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(code);
    assertThat(run.stderr().strip()).as(run.describe()).startsWith("hoptrace: ")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.stderr().strip().lines().count()).as("one line: " + run.describe())
        .isEqualTo(1);
  }

  @Test
  void unknownOptionIsABadCommandLine() {
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "--no-such-option", dst4), 2);
  }

  @Test
  void missingHostIsABadCommandLine() {
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n"), 2);
  }

  @Test
  void outOfRangeValuesAreABadCommandLine() {
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-q", "11", dst4), 2);
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-f", "5", "-m", "3", dst4), 2);
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-m", "256", dst4), 2);
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-o", "xml", dst4), 2);
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "--mode", "magic", dst4), 2);
  }

  @Test
  void unknownHostExitsThree() {
    // The lab's resolv.conf points at loopback, where nothing answers: the lookup fails at once.
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "no-such-host." + Lab.DOMAIN),
        3);
  }

  @Test
  void rawModeWithoutPrivilegeExitsFour() {
    ExecResult run = hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "--mode", "raw", dst4);
    assertFails(run, 4);
    assertThat(run.stderr()).containsIgnoringCase("raw");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void closedPingGroupRangeExitsFourNamingTheSysctl(IpFamily family) {
    lab.setPingGroupOpen(false);
    try {
      ExecResult run = hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-I", "--mode",
          "unprivileged", family.flag(), AddressText.of(lab.destinationAddress(family)));
      assertFails(run, 4);
      assertThat(run.stderr()).contains("net.ipv4.ping_group_range");
    } finally {
      lab.setPingGroupOpen(true);
    }
  }

  @Test
  void noRouteToTheHostExitsFive() {
    // Outside the lab ranges the client has no route at all: nothing can be sent.
    assertFails(hoptrace.runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "192.0.2.1"), 5);
    assertFails(hoptrace.runRaw(RunAs.ROOT_RAW, "-n", "--mode", "raw", "-6", "3fff::1"), 5);
  }
}
