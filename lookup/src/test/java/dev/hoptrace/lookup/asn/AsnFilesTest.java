package dev.hoptrace.lookup.asn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.lookup.mmdb.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An offline AS file is recognised by its content, whatever it is called. */
class AsnFilesTest {
  @TempDir Path dir;

  @Test
  void aMaxMindDbIsRecognisedWhateverItsName() throws Exception {
    Path file = TestDatabases.asn(6).writeTo(dir.resolve("asn-data.bin"));

    AsnResolver asn = AsnFiles.open(file);
    assertThat(asn).isInstanceOf(MaxMindAsnResolver.class);
    assertThat(asn.lookup(InetAddress.ofLiteral("192.0.2.1")).get())
        .map(AsInfo::number).contains(64500L);
  }

  @Test
  void anythingElseIsReadAsAnIpToAsnTable() throws Exception {
    Path file = Files.writeString(dir.resolve("asn.mmdb"), "192.0.2.0\t192.0.2.255\t64500\tNL\tX\n");

    AsnResolver asn = AsnFiles.open(file);
    assertThat(asn).isInstanceOf(IpToAsnTable.class);
    assertThat(asn.lookup(InetAddress.ofLiteral("192.0.2.1")).get())
        .map(AsInfo::number).contains(64500L);
  }

  @Test
  void missingAndUnreadableFilesAreNamed() throws IOException {
    Path missing = dir.resolve("nope.mmdb");
    assertThatThrownBy(() -> AsnFiles.open(missing)).hasMessage(missing + ": no such file");

    Path garbage = Files.write(dir.resolve("garbage"), new byte[] {1, 2, 3, '\n'});
    assertThatThrownBy(() -> AsnFiles.open(garbage)).hasMessageStartingWith(garbage + ":1: ");
  }

  @Test
  void aMaxMindDbWithBrokenMetadataIsRefusedOnOpening() throws IOException {
    byte[] bytes = TestDatabases.asn(4).toBytes();
    int marker = bytes.length - 1;
    while (!(bytes[marker] == (byte) 0xAB && bytes[marker + 1] == (byte) 0xCD)) {
      marker--;
    }
    java.util.Arrays.fill(bytes, marker + 14, bytes.length, (byte) 0xFF); // metadata map smashed
    Path broken = Files.write(dir.resolve("broken.mmdb"), bytes);

    assertThatThrownBy(() -> AsnFiles.open(broken))
        .hasMessageStartingWith(broken + ": not a readable MaxMind DB file");
  }

  @Test
  void aDamagedTreeCostsTheAddressItsDataNotTheTrace() throws Exception {
    byte[] bytes = TestDatabases.asn(4).toBytes();
    java.util.Arrays.fill(bytes, 0, 60, (byte) 0xFF); // nodes point far past the data section
    Path broken = Files.write(dir.resolve("broken.mmdb"), bytes);

    AsnResolver asn = AsnFiles.open(broken);
    assertThat(asn.lookup(InetAddress.ofLiteral("192.0.2.1")).get()).isEmpty();
  }
}
