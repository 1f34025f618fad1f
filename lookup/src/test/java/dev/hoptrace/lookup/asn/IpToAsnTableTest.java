package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The iptoasn.com table, read from a fixture in the real layout (ip2asn-sample.tsv). */
class IpToAsnTableTest {
  private static IpToAsnTable table;

  @BeforeAll
  static void read(@TempDir Path dir) throws IOException {
    table = IpToAsnTable.read(fixture(dir));
  }

  private static Path fixture(Path dir) throws IOException {
    Path file = dir.resolve("ip2asn-sample.tsv");
    try (InputStream in = IpToAsnTableTest.class.getResourceAsStream("ip2asn-sample.tsv")) {
      Files.copy(in, file);
    }
    return file;
  }

  private static Optional<AsInfo> find(String address) {
    return table.find(InetAddress.ofLiteral(address));
  }

  @ParameterizedTest(name = "{0} -> AS{1}")
  @CsvSource({
      "192.0.2.0, 64500", "192.0.2.77, 64500", "192.0.2.255, 64500",
      "198.51.100.128, 64501", "198.51.101.9, 64501", "203.0.113.0, 64502",
      "2001:db8::1, 64510", "2001:db8:0:ffff:ffff:ffff:ffff:ffff, 64510",
      "2001:db8:1::ff, 4200000000"})
  void addressesInsideARangeGetItsAs(String address, long as) {
    assertThat(find(address)).map(AsInfo::number).contains(as);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"192.0.1.255", "192.0.3.0", "198.51.100.5", "198.51.101.10", "203.0.113.1",
      "0.0.0.1", "255.255.255.255", "2001:db8:1::100", "2001:db7::", "::1", "0.1.2.3"})
  void addressesBetweenRangesOrNotRoutedHaveNone(String address) {
    assertThat(find(address)).isEmpty();
  }

  @Test
  void rowsCarryCountryAndDescriptionAndACidrRangeItsPrefix() {
    assertThat(find("192.0.2.9")).contains(
        new AsInfo(64500, "192.0.2.0/24", "NL", "", "EXAMPLE-NET - Example Networks"));
    assertThat(find("2001:db8::9")).contains(
        new AsInfo(64510, "2001:db8::/48", "JP", "", "EXAMPLE-V6 Example Six"));
    assertThat(find("203.0.113.0")).map(AsInfo::prefix).contains("203.0.113.0/32");
  }

  @Test
  void aRangeThatIsNotOneCidrBlockHasNoPrefix() {
    assertThat(find("198.51.101.0")).map(AsInfo::prefix).contains("");
  }

  @Test
  void notRoutedRowsAreLeftOut() {
    assertThat(table.size()).isEqualTo(5);
  }

  @Test
  void aGzippedFileIsReadAsItIs(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("ip2asn-combined.tsv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(fixture(dir)));
    }

    IpToAsnTable zipped = IpToAsnTable.read(gz);
    assertThat(zipped.size()).isEqualTo(5);
    assertThat(zipped.find(InetAddress.ofLiteral("192.0.2.1"))).map(AsInfo::number).contains(64500L);
  }

  @Test
  void malformedRowsAreRefusedNamingTheLine() {
    assertThatThrownBy(() -> parse("192.0.2.0\t192.0.2.255\t64500\tNL\tok\n# note\nnonsense\n"))
        .hasMessage("t.tsv:3: expected range_start, range_end, AS_number, ...");
    assertThatThrownBy(() -> parse("192.0.2.0\t192.0.2.x\t64500\n"))
        .hasMessage("t.tsv:1: not an IP address: '192.0.2.x'");
    assertThatThrownBy(() -> parse("192.0.2.0\t2001:db8::\t64500\n"))
        .hasMessage("t.tsv:1: range starts and ends in different families");
    assertThatThrownBy(() -> parse("192.0.2.9\t192.0.2.0\t64500\n"))
        .hasMessage("t.tsv:1: range ends before it starts");
    assertThatThrownBy(() -> parse("192.0.2.0\t192.0.2.9\tAS64500\n"))
        .hasMessage("t.tsv:1: not an AS number: 'AS64500'");
    assertThatThrownBy(() -> parse("192.0.2.0\t192.0.2.9\t4294967296\n"))
        .hasMessage("t.tsv:1: not an AS number: '4294967296'");
  }

  @Test
  void overlappingRangesAndEmptyFilesAreRefused() {
    assertThatThrownBy(() -> parse("192.0.2.0\t192.0.2.255\t1\n192.0.2.128\t192.0.3.0\t2\n"))
        .hasMessageStartingWith("t.tsv: ranges overlap at 192.0.2.128");
    assertThatThrownBy(() -> parse("# nothing\n\n"))
        .hasMessageStartingWith("t.tsv: no ip-to-ASN rows");
  }

  @Test
  void hostileDescriptionsComeOutPrintable() throws IOException {
    IpToAsnTable hostile = parse("192.0.2.0\t192.0.2.255\t64500\tN\u001bL\tA\u001b[31mRED\u0007\n");

    assertThat(hostile.find(InetAddress.ofLiteral("192.0.2.1")))
        .contains(new AsInfo(64500, "192.0.2.0/24", "", "", "A?[31mRED?"));
  }

  private static IpToAsnTable parse(String text) throws IOException {
    return IpToAsnTable.parse(new BufferedReader(new StringReader(text)), "t.tsv");
  }
}
