package dev.hoptrace.lookup.asn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * Reads Team Cymru's IP-to-ASN answers: TXT records whose text is fields separated by {@code |}.
 *
 * <pre>
 * 1.2.0.192.origin.asn.cymru.com   TXT "64500 | 192.0.2.0/24 | NL | ripencc | 2001-09-07"
 *                                        ASN(s) | prefix      | CC | registry| allocated
 * AS64500.asn.cymru.com            TXT "64500 | NL | ripencc | 2001-09-07 | EXAMPLE-NET - Example, NL"
 *                                        ASN   | CC | registry| allocated  | AS name
 * </pre>
 *
 * A prefix announced by several ASes (MOAS) lists them separated by spaces; the first is taken, as
 * mtr does. Several origin records (more and less specific prefixes) may come back; the most
 * specific wins, since that is the route packets follow. Everything is bounded: at most {@link
 * #MAX_RECORDS} records of at most {@link #MAX_RECORD_BYTES} bytes each are read, and whatever
 * text is kept is checked by {@link AsInfo}.
 */
final class CymruRecords {

  static final int MAX_RECORDS = 16;
  static final int MAX_RECORD_BYTES = 1024;

  private CymruRecords() {}

  /** The texts of the TXT records that answer {@code question}, each record's strings joined. */
  static List<String> texts(Message response, Name question) {
    List<String> texts = new ArrayList<>();
    if (response.getRcode() != Rcode.NOERROR) {
      return texts;
    }
    for (org.xbill.DNS.Record rr : response.getSection(Section.ANSWER)) {
      if (texts.size() == MAX_RECORDS) {
        break;
      }
      if (rr instanceof TXTRecord txt && rr.getName().equals(question)) {
        texts.add(joined(txt));
      }
    }
    return texts;
  }

  /** A long text is split into 255-byte strings on the wire (RFC 1035 3.3.14); join them back. */
  private static String joined(TXTRecord txt) {
    byte[] all = new byte[MAX_RECORD_BYTES];
    int n = 0;
    for (byte[] part : txt.getStringsAsByteArrays()) {
      int take = Math.min(part.length, all.length - n);
      System.arraycopy(part, 0, all, n, take);
      n += take;
    }
    return new String(all, 0, n, StandardCharsets.UTF_8); // malformed UTF-8 becomes U+FFFD
  }

  /** The most specific origin record, without a name yet. */
  static Optional<AsInfo> origin(List<String> texts) {
    AsInfo best = null;
    int bestLength = -1;
    for (String text : texts) {
      String[] f = text.split("\\|", -1);
      if (f.length < 4) {
        continue;
      }
      Optional<Long> number = firstNumber(f[0]);
      if (number.isEmpty()) {
        continue;
      }
      AsInfo info = new AsInfo(number.get(), f[1], f[2], f[3], "");
      int length = info.prefix().isEmpty() ? 0
          : Integer.parseInt(info.prefix().substring(info.prefix().indexOf('/') + 1));
      if (length > bestLength) {
        best = info;
        bestLength = length;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The AS name from the first AS record that has one; it may itself contain {@code |}. */
  static Optional<String> asName(List<String> texts) {
    for (String text : texts) {
      String[] f = text.split("\\|", 5);
      if (f.length == 5 && !f[4].isBlank()) {
        return Optional.of(f[4]);
      }
    }
    return Optional.empty();
  }

  /** The first of the space-separated AS numbers of a field, if it is one. */
  private static Optional<Long> firstNumber(String field) {
    String first = field.strip().split("\\s+", 2)[0];
    if (first.isEmpty() || first.length() > 10
        || !first.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long number = Long.parseLong(first);
    return number <= 0xFFFF_FFFFL ? Optional.of(number) : Optional.empty();
  }
}
