package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.cli.report.CsvRecords;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hostile reverse zone: the lab's DNS server names the routers with escape sequences (a window
 * title, a screen clear, colours), C0 and C1 controls, a bidi override, bytes that are not UTF-8,
 * a spreadsheet formula with quotes and commas and the longest name DNS allows; the destination's
 * name is longer than DNS allows. Every output hoptrace has (trace text and JSON, report text,
 * JSON and CSV, the live view in a terminal) must stay intact and never pass a control through.
 * Names are shown in DNS presentation format: letters, digits, {@code - _ * /} as they are, every
 * other byte as {@code \DDD} (RFC 1035 5.1), cut at 253 characters with {@code ...}.
 */
class HostileNamesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMULA = "=cmd|' /C calc'!A0\",\"x\";";
  private static Lab lab;
  private static Hoptrace hoptrace;
  private static LabDnsServer dns;
  private static final List<List<byte[]>> NAMES = List.of(
      labels("\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred", "evil"),
      labels("\u00e2\u0080\u00aegnp", "\u00ff\u00fe\u00c0\u0080", "tab\tcr\rlf\nnul\u0000", "\u009b31m",
          "\u001bP+q\u001b\\"),
      labels(FORMULA + "a".repeat(63 - FORMULA.length()), "b".repeat(63), "c".repeat(63),
          "d".repeat(61)));

  @BeforeAll
  static void build() throws Exception {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(3).start();
    hoptrace = new Hoptrace(lab);
    // The lab names its hosts in the namespace's hosts file: names must come from DNS alone.
    java.nio.file.Files.writeString(java.nio.file.Path.of("/etc/netns", lab.client().namespace(),
        "hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    dns = LabDnsServer.startIn(lab.client().namespace());
    for (int ttl = 1; ttl <= 3; ttl++) {
      dns.ptr(lab.hopAddress(ttl, IpFamily.IPV4), NAMES.get(ttl - 1));
    }
    // 5 × 63 bytes: more than the 255 a name may have; no name rather than a wrong one.
    dns.ptr(lab.destinationAddress(IpFamily.IPV4),
        labels("e".repeat(63), "f".repeat(63), "g".repeat(63), "h".repeat(63), "i".repeat(63)));
  }

  @AfterAll
  static void tearDown() throws InterruptedException {
    if (dns != null) {
      dns.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void traceTextShowsEveryNameEscapedOnItsOwnLine() {
    ExecResult run = run("-q", "1", dst());
    assertTerminalSafe(run);
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines).as(run.describe()).hasSize(5);
    for (int ttl = 1; ttl <= 2; ttl++) {
      assertThat(lines.get(ttl)).as(run.describe()).startsWith(String.format("%2d  %s (%s)  ",
          ttl, presented(NAMES.get(ttl - 1)), hop(ttl)));
    }
    assertThat(lines.get(3)).startsWith(" 3  " + presented(NAMES.get(2)).substring(0, 200));
    assertThat(lines.get(3)).contains("... (" + hop(3) + ")  ");
    assertThat(lines.get(4)).startsWith(String.format(" 4  %s (%s)  ", dst(), dst()));
    assertThat(dns.queries()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void traceJsonCarriesTheEscapedNames() throws Exception {
    ExecResult run = run("-q", "1", "-o", "json", dst());
    assertTerminalSafe(run);
    JsonNode hops = JSON.readTree(run.stdout()).get("hops");
    for (int ttl = 1; ttl <= 2; ttl++) {
      assertThat(name(hops.get(ttl - 1))).isEqualTo(presented(NAMES.get(ttl - 1)));
    }
    assertLongNameCut(name(hops.get(2)));
    assertThat(hops.get(3).get("probes").get(0).get("name").isNull()).isTrue();
  }

  @Test
  void reportTextKeepsItsColumns() {
    ExecResult run = run("report", "-c", "2", "-i", "0.1", dst());
    assertTerminalSafe(run);
    List<String> lines = run.stdout().lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("HOST: ")).findFirst().orElseThrow();
    int lossEnd = header.indexOf("Loss%") + "Loss%".length();
    List<String> rows = lines.stream().filter(l -> l.matches("^ *\\d+\\.\\|-- .*")).toList();
    assertThat(rows).as(run.describe()).hasSize(4);
    // Every figure column ends where its title does: a name never pushes the figures aside.
    assertThat(rows).allSatisfy(r -> assertThat(r.substring(lossEnd - 4, lossEnd))
        .as(run.describe()).isEqualTo("0.0%"));
    assertThat(rows.getFirst()).contains(presented(NAMES.getFirst()).substring(0, 12));
  }

  @Test
  void reportJsonAndCsvStayParseable() throws Exception {
    ExecResult json = run("report", "-c", "2", "-i", "0.1", "-o", "json", dst());
    assertTerminalSafe(json);
    JsonNode hops = JSON.readTree(json.stdout()).get("reports").get(0).get("hops");
    assertThat(hops.get(0).toString()).contains(jsonEscaped(presented(NAMES.get(0))));
    assertThat(hops.get(1).toString()).contains(jsonEscaped(presented(NAMES.get(1))));

    ExecResult csv = run("report", "-c", "2", "-i", "0.1", "-o", "csv", dst());
    assertTerminalSafe(csv);
    List<List<String>> rows = CsvRecords.parse(csv.stdout());
    List<String> header = rows.getFirst();
    assertThat(rows).as(csv.describe()).hasSize(5)
        .allSatisfy(r -> assertThat(r).hasSameSizeAs(header));
    int name = header.indexOf("Name");
    assertThat(rows.get(1).get(name)).isEqualTo(presented(NAMES.get(0)));
    assertThat(rows.get(2).get(name)).isEqualTo(presented(NAMES.get(1)));
    assertLongNameCut(rows.get(3).get(name));
    // A spreadsheet would run a field that starts with = + - @ as a formula.
    assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(name))
        .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@"));
  }

  @Test
  void multipathTextJsonAndDotStayIntact() throws Exception {
    ExecResult text = run("mda", dst());
    assertTerminalSafe(text);
    assertThat(text.stdout()).contains(presented(NAMES.get(0)) + " (" + hop(1) + ")");

    ExecResult json = run("mda", "-o", "json", dst());
    assertTerminalSafe(json);
    assertThat(JSON.readTree(json.stdout()).toString())
        .contains(jsonEscaped(presented(NAMES.get(1))));

    // DOT labels are quoted strings: a name must not end one early.
    ExecResult dot = run("mda", "-o", "dot", dst());
    assertTerminalSafe(dot);
    assertThat(dot.stdout().lines().filter(l -> l.contains("[label=")))
        .allSatisfy(l -> assertThat(l.replace("\\\"", "").chars().filter(c -> c == '"').count()
            % 2).as(l).isZero());
  }

  @Test
  void liveViewIsNeverDrivenByTheNames() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Tmux.available(), "SKIPPED: needs tmux");
    try (Tmux tmux = Tmux.start("hostile", 100, 30)) {
      String title = tmux.paneTitle();
      tmux.enter("clear; ip netns exec " + lab.client().namespace() + " "
          + ItEnvironment.java() + " --enable-native-access=ALL-UNNAMED -XX:-UsePerfData -jar "
          + ItEnvironment.jar() + " live -i 0.2 " + dst() + "; echo EXIT=$?");
      List<String> screen = tmux.awaitScreen(s -> {
        LiveScreen live = new LiveScreen(s);
        return live.hops().size() == 4 && live.hop(1).get().host().startsWith("\\027")
            && live.hop(2).get().host().startsWith("\\226") && live.hop(3).get().sent() > 3;
      }, Duration.ofSeconds(20), "four hops with their names");
      LiveScreen live = new LiveScreen(screen);
      assertThat(tmux.paneTitle()).as("the terminal's title").isEqualTo(title);
      assertThat(tmux.alternateScreen()).isTrue();
      assertThat(live.lines()).as(live.toString()).hasSize(30);
      assertThat(live.widest()).as(live.toString()).isLessThanOrEqualTo(100);
      assertThat(live.header()).startsWith("hoptrace ");
      assertThat(live.footer()).startsWith("q quit");
      // Only hoptrace's own styles: no red foreground from a name's ESC[31m.
      assertThat(tmux.screenWithAttributes()).doesNotContain("\u001b[31m");
      tmux.press("q");
      tmux.awaitScreen(s -> s.contains("EXIT=0"), Duration.ofSeconds(5), "exit code 0");
    }
  }

  private static ExecResult run(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    boolean subcommand = all.getFirst().equals("report") || all.getFirst().equals("mda");
    all.addAll(subcommand ? 1 : 0, List.of("--dns-timeout", "2"));
    ExecResult run = hoptrace.runRaw(RunAs.ROOT_RAW, all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    return run;
  }

  /**
   * Nothing that a terminal acts on: no C0 control but the line feed, no DEL, no C1 control, no
   * format character (bidi overrides), no replacement character (bytes that were not UTF-8).
   */
  static void assertTerminalSafe(ExecResult run) {
    String out = run.stdout();
    out.codePoints().forEach(cp -> assertThat(cp == '\n'
            || !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffd
            || Character.getType(cp) == Character.FORMAT))
        .as("U+%04X in the output:%n%s", cp, out).isTrue());
  }

  private static void assertLongNameCut(String name) {
    assertThat(name).startsWith(presented(NAMES.get(2)).substring(0, 200)).endsWith("...");
    assertThat(name.length()).isLessThanOrEqualTo(253);
  }

  private static String name(JsonNode hop) {
    return hop.get("probes").get(0).get("name").asText();
  }

  /** A name as DNS presentation format shows it, with every byte outside LDH escaped. */
  static String presented(List<byte[]> labels) {
    StringBuilder out = new StringBuilder();
    for (byte[] label : labels) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      for (byte b : label) {
        int v = b & 0xff;
        boolean plain = (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
            || (v == '-' && !out.isEmpty()) || v == '_' || v == '*' || v == '/';
        out.append(plain ? Character.toString(v) : String.format("\\%03d", v));
      }
    }
    return out.toString();
  }

  private static String jsonEscaped(String text) {
    return text.replace("\\", "\\\\");
  }

  /** Labels from text whose chars are bytes (ISO 8859-1), so any byte can be written. */
  private static List<byte[]> labels(String... texts) {
    return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.ISO_8859_1)).toList();
  }

  private static String dst() {
    return AddressText.of(lab.destinationAddress(IpFamily.IPV4));
  }

  private static String hop(int ttl) {
    return AddressText.of(lab.hopAddress(ttl, IpFamily.IPV4));
  }
}
