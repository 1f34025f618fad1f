package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsInfoTest {

  @Test
  void partsThatAreNotWhatTheySayBecomeUnknown() {
    AsInfo info = new AsInfo(64500, "not/a/prefix", "NLD", "ripe ncc", "ok");

    assertThat(info).isEqualTo(new AsInfo(64500, "", "", "", "ok"));
  }

  @Test
  void prefixesAreWrittenCanonically() {
    assertThat(new AsInfo(1, " 2001:DB8:0:0::/32 ", "", "", "").prefix()).isEqualTo("2001:db8::/32");
    assertThat(new AsInfo(1, "192.0.2.0/33", "", "", "").prefix()).isEmpty();
    assertThat(new AsInfo(1, "192.0.2.0/-1", "", "", "").prefix()).isEmpty();
    assertThat(new AsInfo(1, "example.com/24", "", "", "").prefix()).isEmpty();
  }

  @Test
  void numbersAreFourByteAsNumbers() {
    assertThat(AsInfo.of(4294967295L).label()).isEqualTo("AS4294967295");
    assertThatThrownBy(() -> AsInfo.of(4294967296L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsInfo.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
