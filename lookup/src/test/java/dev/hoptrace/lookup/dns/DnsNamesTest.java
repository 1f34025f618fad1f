package dev.hoptrace.lookup.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class DnsNamesTest {

  /** Everything sanitise may emit; nothing here moves a cursor or means anything to a shell. */
  private static final String SAFE = "[A-Za-z0-9_*/.\\\\-]*";

  @ParameterizedTest
  @CsvSource({
    "router1.example.net, router1.example.net",
    "router1.example.net., router1.example.net",
    "ae-1-3502.ear1.Frankfurt1.Level3.net, ae-1-3502.ear1.Frankfurt1.Level3.net",
    "_sip._udp.example, _sip._udp.example",
    "'', ''",
    "., ''",
  })
  void plainHostNamesPassThroughWithoutTheirTrailingDot(String in, String out) {
    assertThat(DnsNames.sanitise(in)).isEqualTo(out);
  }

  @Test
  void aLongestLegalLabelPassesUnchanged() {
    String label = "a".repeat(31) + "-" + "b".repeat(31);
    assertThat(label).hasSize(63);
    assertThat(DnsNames.sanitise(label + ".example.net.")).isEqualTo(label + ".example.net");
  }

  @Test
  void terminalTitleSequenceIsDefused() {
    String hostile = "\u001b]0;pwned\u0007.evil.example";
    assertThat(DnsNames.sanitise(hostile)).isEqualTo("\\027\\0930\\059pwned\\007.evil.example");
  }

  @Test
  void clearScreenSequenceIsDefused() {
    assertThat(DnsNames.sanitise("\u001b[2J.example")).isEqualTo("\\027\\0912J.example");
  }

  @Test
  void newlineNulDelAndC1ControlsAreEscaped() {
    assertThat(DnsNames.sanitise("a\nb")).isEqualTo("a\\010b");
    assertThat(DnsNames.sanitise("a\rb")).isEqualTo("a\\013b");
    assertThat(DnsNames.sanitise("a\u0000b")).isEqualTo("a\\000b");
    assertThat(DnsNames.sanitise("a\u007fb")).isEqualTo("a\\127b");
    assertThat(DnsNames.sanitise("a\u009b2Jb")).isEqualTo("a\\194\\1552Jb"); // C1 CSI
  }

  @Test
  void bidiOverridesAndIsolatesAreEscaped() {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "exe.png" as "gnp.exe"
    assertThat(DnsNames.sanitise("\u202egnp.exe")).isEqualTo("\\226\\128\\174gnp.exe");
    assertThat(DnsNames.sanitise("a\u2066b\u2069")).isEqualTo("a\\226\\129\\166b\\226\\129\\169");
    assertThat(DnsNames.sanitise("a\u202ab")).isEqualTo("a\\226\\128\\170b");
  }

  @Test
  void dnsjavaPresentationFormGivesTheSameResultAsTheRawText() throws Exception {
    Name wire = Name.fromString("\\027]0\\;pwned\\007.evil.example.");
    assertThat(wire.toString()).isEqualTo("\\027]0\\;pwned\\007.evil.example.");
    assertThat(DnsNames.sanitise(wire)).isEqualTo(DnsNames.sanitise("\u001b]0;pwned\u0007.evil.example"));
  }

  @Test
  void invalidUtf8BytesAsDnsjavaShowsThemStayVisibleEscapes() throws Exception {
    Name wire = Name.fromString("\\200\\255x\\192.example.");
    assertThat(DnsNames.sanitise(wire)).isEqualTo("\\200\\255x\\192.example");
  }

  @Test
  void anEscapedDotInsideALabelIsNotASeparator() throws Exception {
    Name wire = Name.fromString("a\\.b.example.");
    assertThat(DnsNames.sanitise(wire)).isEqualTo("a\\046b.example");
  }

  @Test
  void csvAndSpreadsheetMetacharactersAreEscaped() {
    assertThat(DnsNames.sanitise("a,b\"c")).isEqualTo("a\\044b\\034c");
    assertThat(DnsNames.sanitise("=cmd|x")).isEqualTo("\\061cmd\\124x");
    assertThat(DnsNames.sanitise("-1+2")).isEqualTo("\\0451\\0432");
    assertThat(DnsNames.sanitise("a-b")).isEqualTo("a-b");
  }

  @Test
  void loneSurrogateAndTrailingBackslashAreVisible() {
    assertThat(DnsNames.sanitise("a\ud800")).isEqualTo("a\\239\\191\\189");
    assertThat(DnsNames.sanitise("a\\")).isEqualTo("a\\092");
    assertThat(DnsNames.sanitise("a\\999")).isEqualTo("a999"); // \\9 reads as an escaped 9
  }

  @Test
  void overlongNameIsCutWithAnEllipsis() {
    String name = "abcdefghi.".repeat(30); // 300 characters
    String out = DnsNames.sanitise(name);
    assertThat(out).hasSizeLessThanOrEqualTo(DnsNames.MAX_LENGTH).endsWith("...");
    assertThat(name).startsWith(out.substring(0, out.length() - 3));
    assertThat(out).doesNotEndWith("....");
  }

  @Test
  void aCutNeverSplitsAnEscape() {
    String out = DnsNames.sanitise("\u001b".repeat(300));
    assertThat(out).endsWith("...").hasSizeLessThanOrEqualTo(DnsNames.MAX_LENGTH);
    assertThat(out.substring(0, out.length() - 3)).matches("(\\\\027)+");
  }

  @Test
  void aNameOfExactlyTheLimitIsNotCut() {
    String name = "a".repeat(DnsNames.MAX_LENGTH);
    assertThat(DnsNames.sanitise(name + ".")).isEqualTo(name);
  }

  @Test
  void hugeInputIsBoundedAndQuick() {
    String huge = "\u001b[2J".repeat(250_000);
    long start = System.nanoTime();
    String out = DnsNames.sanitise(huge);
    assertThat(out).hasSizeLessThanOrEqualTo(DnsNames.MAX_LENGTH).endsWith("...");
    assertThat(System.nanoTime() - start).isLessThan(200_000_000L);
  }

  @Test
  void randomTextAndRandomWireNamesOnlyEverYieldTheSafeAlphabet() throws Exception {
    Random random = new Random(20260127L);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(400);
      for (int k = 0; k < length; k++) {
        text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
      }
      String out = DnsNames.sanitise(text.toString());
      assertThat(out).hasSizeLessThanOrEqualTo(DnsNames.MAX_LENGTH).matches(SAFE);

      byte[] label = new byte[1 + random.nextInt(63)];
      random.nextBytes(label);
      StringBuilder presentation = new StringBuilder();
      for (byte b : label) {
        presentation.append(String.format("\\%03d", b & 0xff));
      }
      Name wire = Name.fromString(presentation + ".example.");
      String fromWire = DnsNames.sanitise(wire);
      assertThat(fromWire).matches(SAFE).endsWith(".example");
      // Uncut output is a fixed point: escapes read back as the bytes they stand for.
      assertThat(DnsNames.sanitise(fromWire)).isEqualTo(fromWire);
    }
  }
}
