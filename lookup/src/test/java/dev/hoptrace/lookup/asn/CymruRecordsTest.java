package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Team Cymru's TXT layout, read from answers built in memory (bytes no server config can hold). */
class CymruRecordsTest {
  private static final Name QUESTION = CymruAsnResolver.originName(
      java.net.InetAddress.ofLiteral("11.22.33.44"));

  @Test
  void questionNamesAreReversedLikePtrNames() {
    assertThat(QUESTION.toString()).isEqualTo("44.33.22.11.origin.asn.cymru.com.");
    assertThat(CymruAsnResolver.originName(java.net.InetAddress.ofLiteral("2001:db8::1")).toString())
        .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2"
            + ".origin6.asn.cymru.com.");
    assertThat(CymruAsnResolver.asName(4200000000L).toString())
        .isEqualTo("AS4200000000.asn.cymru.com.");
  }

  @Test
  void fieldsAreReadWithSpacesAroundThem() {
    assertThat(CymruRecords.origin(List.of("64500 | 11.22.32.0/20 | NL | ripencc | 2001-09-07")))
        .contains(new AsInfo(64500, "11.22.32.0/20", "NL", "ripencc", ""));
    assertThat(CymruRecords.origin(List.of("64500|11.22.32.0/20|nl|RIPENCC|")))
        .contains(new AsInfo(64500, "11.22.32.0/20", "NL", "ripencc", ""));
    assertThat(CymruRecords.asName(List.of("64500 | NL | ripencc | 2001 | A | B, NL")))
        .contains(" A | B, NL");
  }

  @Test
  void recordsThatAreNotCymruRecordsAreIgnored() {
    assertThat(CymruRecords.origin(List.of("", "v=spf1 -all", "AS64500 | 1.0.0.0/8 | US | x | y",
        "99999999999 | 1.0.0.0/8 | US | arin | y", "4294967296 | 1.0.0.0/8 | US | arin | y",
        "６４５００ | 1.0.0.0/8 | US | arin | y"))).isEmpty();
    assertThat(CymruRecords.asName(List.of("64500 | NL | ripencc | 2001", "1 | 2 | 3 | 4 |  ")))
        .isEmpty();
  }

  @Test
  void stringsOfOneRecordAreJoinedAndBadUtf8IsReplaced() {
    Message answer = answer(txt(QUESTION,
        bytes("64500 | 11.22.32.0/20 | N"), bytes("L | ripencc | x")));
    answer.addRecord(txt(QUESTION, new byte[] {'6', '4', (byte) 0xff, (byte) 0xc3}),
        Section.ANSWER);

    List<String> texts = CymruRecords.texts(answer, QUESTION);
    assertThat(texts).containsExactly("64500 | 11.22.32.0/20 | NL | ripencc | x", "64\ufffd\ufffd");
  }

  @Test
  void onlyAnswersToTheQuestionCountAndTheirNumberAndSizeAreBounded() throws Exception {
    Message answer = answer(new TXTRecord(Name.fromString("other.example."), DClass.IN, 60,
        "64999 | 1.0.0.0/8 | US | arin | x"));
    for (int i = 0; i < 40; i++) {
      answer.addRecord(txt(QUESTION, bytes("y".repeat(255)), bytes("y".repeat(255)),
          bytes("y".repeat(255)), bytes("y".repeat(255)), bytes("y".repeat(255))), Section.ANSWER);
    }

    List<String> texts = CymruRecords.texts(answer, QUESTION);
    assertThat(texts).hasSize(CymruRecords.MAX_RECORDS)
        .allMatch(t -> t.length() == CymruRecords.MAX_RECORD_BYTES);
  }

  @Test
  void anErrorAnswerHasNoRecords() {
    Message answer = answer(new TXTRecord(QUESTION, DClass.IN, 60, "64500 | 11.0.0.0/8 | US | a"));
    answer.getHeader().setRcode(Rcode.SERVFAIL);

    assertThat(CymruRecords.texts(answer, QUESTION)).isEmpty();
  }

  /** A TXT record with exactly these bytes as its strings, built from its wire form. */
  private static org.xbill.DNS.Record txt(Name owner, byte[]... strings) {
    var rdata = new java.io.ByteArrayOutputStream();
    for (byte[] s : strings) {
      rdata.write(s.length);
      rdata.writeBytes(s);
    }
    return org.xbill.DNS.Record.newRecord(owner, Type.TXT, DClass.IN, 60, rdata.toByteArray());
  }

  private static Message answer(org.xbill.DNS.Record first) {
    Message m = new Message();
    m.getHeader().setFlag(Flags.QR);
    m.addRecord(first, Section.ANSWER);
    return m;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
