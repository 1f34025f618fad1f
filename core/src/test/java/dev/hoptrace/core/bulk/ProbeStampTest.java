package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeStampTest {

  @Test
  void sendTimeComesBackToTheMicrosecondAcrossTheWrap() {
    byte[] b = new byte[ProbeStamp.LENGTH];
    // Just before the 32-bit microsecond counter wraps; the reply arrives after it wrapped.
    long sent = (1L << 32) * 1000 * 5 - 1_500_000;
    ProbeStamp.write(b, 0, 0x12345678, 17, 2, sent);
    long received = sent + 2_750_123;
    assertThat(ProbeStamp.sentAt(b, 0, received)).isEqualTo(sent / 1000 * 1000);
    assertThat(ProbeStamp.ttl(b, 0)).isEqualTo(17);
    assertThat(ProbeStamp.index(b, 0)).isEqualTo(2);
    assertThat(ProbeStamp.check(b, 0)).isEqualTo(0x12345678);
  }

  @Test
  void theCheckTellsDestinationsAndRunsApart() throws Exception {
    TargetTable t = TargetTable.of(List.of(InetAddress.getByName("198.18.1.1"),
        InetAddress.getByName("198.18.1.2")));
    assertThat(t.check(0, 1)).isNotEqualTo(t.check(1, 1));
    assertThat(t.check(0, 1)).isNotEqualTo(t.check(0, 2));
    assertThat(t.check(0, 1)).isEqualTo(t.check(0, 1));
  }
}
