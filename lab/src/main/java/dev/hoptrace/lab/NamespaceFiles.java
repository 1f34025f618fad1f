package dev.hoptrace.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Per-namespace files under {@code /etc/netns/<name>/}, which {@code ip netns exec} mounts over
 * {@code /etc}: a {@code hosts} file naming lab addresses and a {@code resolv.conf} pointing DNS
 * at loopback, so name lookups inside the lab never leave the namespace and fail fast.
 */
final class NamespaceFiles {
  private NamespaceFiles() {}

  static void write(String namespace, String hosts) {
    Path dir = LabRegistry.NETNS_ETC.resolve(namespace);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n" + hosts);
      // Nothing listens on loopback port 53 in the lab: lookups of unknown names fail at once.
      Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    } catch (IOException e) {
      throw new LabException("cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  static void remove(String namespace) {
    Path dir = LabRegistry.NETNS_ETC.resolve(namespace);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
