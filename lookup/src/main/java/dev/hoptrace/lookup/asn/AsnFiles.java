package dev.hoptrace.lookup.asn;

import dev.hoptrace.lookup.mmdb.MaxMindDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens an offline AS database by what it contains: a MaxMind DB file (its metadata marker is near
 * the end) or else an iptoasn.com table, plain or gzip-compressed. The file name does not matter.
 */
public final class AsnFiles {

  /** Starts a MaxMind DB's metadata section (MaxMind DB format 2.0, "Database Metadata"). */
  private static final byte[] METADATA_MARKER =
      concat(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF},
          "MaxMind.com".getBytes(StandardCharsets.US_ASCII));

  /** The format caps the metadata section at 128 KiB. */
  private static final int METADATA_MAX = 128 * 1024;

  private AsnFiles() {}

  /**
   * Reads or maps {@code path} and returns a resolver over it.
   *
   * @throws IOException naming the file when it cannot be read or is neither kind of file
   */
  public static AsnResolver open(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + ": no such file");
    }
    if (isMaxMindDb(path)) {
      return new MaxMindAsnResolver(MaxMindDatabase.open(path));
    }
    return IpToAsnTable.read(path);
  }

  /** Whether {@code path} ends in a MaxMind DB metadata section. */
  static boolean isMaxMindDb(Path path) throws IOException {
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = file.size();
      int tail = (int) Math.min(size, METADATA_MAX + METADATA_MARKER.length);
      ByteBuffer buffer = ByteBuffer.allocate(tail);
      file.position(size - tail);
      while (buffer.hasRemaining() && file.read(buffer) >= 0) {
        // read the whole tail
      }
      byte[] bytes = buffer.array();
      for (int i = bytes.length - METADATA_MARKER.length; i >= 0; i--) {
        if (bytes[i] == METADATA_MARKER[0] && startsAt(bytes, i)) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean startsAt(byte[] bytes, int at) {
    for (int k = 0; k < METADATA_MARKER.length; k++) {
      if (bytes[at + k] != METADATA_MARKER[k]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
