package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TargetTableTest {

  @Test
  void findsEveryAddressAndDropsRepeats() throws Exception {
    TargetTable.Builder builder = new TargetTable.Builder(false);
    for (int i = 0; i < 5000; i++) {
      builder.add(new byte[] {(byte) 198, 18, (byte) (i >> 8), (byte) i}, null);
    }
    builder.add(InetAddress.getByName("198.18.0.7"), "again");
    TargetTable table = builder.build();
    assertThat(table.size()).isEqualTo(5000);
    for (int i = 0; i < 5000; i++) {
      byte[] a = {0, (byte) 198, 18, (byte) (i >> 8), (byte) i};
      assertThat(table.find(a, 1)).isEqualTo(i);
    }
    assertThat(table.find(new byte[] {10, 0, 0, 1}, 0)).isEqualTo(-1);
    assertThat(table.hostName(7)).isEqualTo("198.18.0.7");
  }

  @Test
  void keepsTheNameGiven() throws Exception {
    TargetTable.Builder builder = new TargetTable.Builder(true);
    builder.add(InetAddress.getByName("2001:db8::1"), "dst.example");
    builder.add(InetAddress.getByName("2001:db8::2"), null);
    TargetTable table = builder.build();
    assertThat(table.hostName(0)).isEqualTo("dst.example");
    assertThat(table.hostName(1)).isEqualTo("2001:db8::2");
    assertThat(table.address(1)).isEqualTo(InetAddress.getByName("2001:db8::2"));
  }
}
