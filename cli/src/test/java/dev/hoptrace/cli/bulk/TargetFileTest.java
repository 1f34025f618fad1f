package dev.hoptrace.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.bulk.TargetTable;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetFileTest {
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> names = Map.of("dst.example", "192.0.2.9",
      "six.example", "2001:db8::9");

  private TargetFile.Read read(Boolean family, Set<String> done, String... lines)
      throws Exception {
    TargetFile file = new TargetFile("list.txt", name -> Optional.ofNullable(names.get(name))
        .map(TargetFileTest::address), family, warnings::add);
    Set<InetAddress> skip = new java.util.HashSet<>();
    for (String d : done) {
      skip.add(address(d));
    }
    return file.read(new BufferedReader(new StringReader(String.join("\n", lines))),
        skip::contains);
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> addresses(TargetTable t) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      all.add(t.address(i).getHostAddress());
    }
    return all;
  }

  @Test
  void addressesNamesPrefixesCommentsAndRepeats() throws Exception {
    TargetFile.Read read = read(null, Set.of(), "# list", "", "192.0.2.1",
        "  192.0.2.1  # again", "dst.example", "198.51.100.4/30", "unknown.example");
    assertThat(addresses(read.targets())).containsExactly("192.0.2.1", "192.0.2.9",
        "198.51.100.4", "198.51.100.5", "198.51.100.6", "198.51.100.7");
    assertThat(read.targets().hostName(1)).isEqualTo("dst.example");
    assertThat(read.unresolved()).isEqualTo(1);
    assertThat(warnings).containsExactly("list.txt line 7: cannot resolve 'unknown.example':"
        + " skipped");
  }

  @Test
  void resumedDestinationsAreLeftOut() throws Exception {
    TargetFile.Read read = read(null, Set.of("198.51.100.5", "192.0.2.1"), "192.0.2.1",
        "198.51.100.4/30");
    assertThat(addresses(read.targets())).containsExactly("198.51.100.4", "198.51.100.6",
        "198.51.100.7");
    assertThat(read(null, Set.of("192.0.2.1"), "192.0.2.1").targets()).isNull();
  }

  @Test
  void oneFamilyPerRunUnlessOneIsPicked() throws Exception {
    assertThatThrownBy(() -> read(null, Set.of(), "192.0.2.1", "six.example"))
        .isInstanceOf(TargetFile.BadLine.class)
        .hasMessage("list.txt line 2: 'six.example' is IPv6 but earlier destinations are IPv4:"
            + " one family per run; pick one with -4 or -6 (the other family's lines are then"
            + " skipped)");
    TargetFile.Read six = read(true, Set.of(), "192.0.2.1", "six.example", "2001:db8::/127");
    assertThat(addresses(six.targets())).containsExactly("2001:db8:0:0:0:0:0:9",
        "2001:db8:0:0:0:0:0:0", "2001:db8:0:0:0:0:0:1");
    assertThat(six.skippedFamily()).isEqualTo(1);
  }

  @Test
  void badLinesAreNamed() {
    assertThatThrownBy(() -> read(null, Set.of(), "192.0.2.1", "192.0.2.300"))
        .hasMessage("list.txt line 2: '192.0.2.300' is not an IPv4 address");
    assertThatThrownBy(() -> read(null, Set.of(), "192.0.2.0/33"))
        .hasMessage("list.txt line 1: prefix length 33 is more than 32");
    assertThatThrownBy(() -> read(null, Set.of(), "2001:db8::/64"))
        .hasMessageContaining("2001:db8::/64 holds 2^64 addresses; at most 65536 per line (/112)");
    assertThatThrownBy(() -> read(null, Set.of(), "192.0.2.0/x"))
        .hasMessageContaining("'192.0.2.0/x' is not a CIDR prefix");
  }
}
