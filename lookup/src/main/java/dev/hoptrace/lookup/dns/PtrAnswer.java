package dev.hoptrace.lookup.dns;

import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** Picks the PTR target out of a response, following CNAMEs that the server included. */
final class PtrAnswer {

  /** A longer chain within one answer is a loop or abuse; real ones (RFC 2317) have one link. */
  private static final int MAX_CNAMES = 8;

  private PtrAnswer() {}

  /** The first PTR target for {@code question} in {@code response}, if it answered one. */
  static Optional<Name> target(Message response, Name question) {
    if (response.getRcode() != Rcode.NOERROR) {
      return Optional.empty(); // NXDOMAIN, SERVFAIL, REFUSED: no name
    }
    var answers = response.getSection(Section.ANSWER);
    Name owner = question;
    for (int hop = 0; hop <= MAX_CNAMES; hop++) {
      Name alias = null;
      for (org.xbill.DNS.Record rr : answers) {
        if (!rr.getName().equals(owner)) {
          continue;
        }
        if (rr instanceof PTRRecord ptr) {
          return Optional.of(ptr.getTarget());
        }
        if (rr instanceof CNAMERecord cname && alias == null) {
          // RFC 2317 classless delegation: 5.2.0.192.in-addr.arpa CNAME 5.0/25.2.0.192...
          alias = cname.getTarget();
        }
      }
      if (alias == null) {
        return Optional.empty();
      }
      owner = alias;
    }
    return Optional.empty();
  }
}
