package dev.hoptrace.lookup.mmdb;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A MaxMind DB file (GeoLite2-ASN, GeoLite2-City and compatible ones from DB-IP or IPinfo), opened
 * once and shared by any number of threads.
 *
 * <p>Reading is maxmind-db's (memory-mapped, thread-safe); this class turns its records into plain
 * maps and its failures into "not found", so a damaged file costs a hop its data, not the trace.
 */
public final class MaxMindDatabase implements AutoCloseable {

  /** One record: the fields stored for the network that contains the address, and that network. */
  public record Entry(Map<String, Object> fields, InetAddress network, int prefixLength) {}

  private final Path path;
  private final Reader reader;

  private MaxMindDatabase(Path path, Reader reader) {
    this.path = path;
    this.reader = reader;
  }

  /**
   * Opens {@code path} and checks that it is a MaxMind DB.
   *
   * @throws IOException naming the file when it cannot be read or is not a MaxMind DB
   */
  public static MaxMindDatabase open(Path path) throws IOException {
    try {
      // The cache keeps decoded records of often-seen networks; it is bounded by maxmind-db.
      return new MaxMindDatabase(path, new Reader(path.toFile(), new CHMCache()));
    } catch (IOException | RuntimeException e) {
      throw new IOException(path + ": not a readable MaxMind DB file (" + e.getMessage() + ")", e);
    }
  }

  /** The record of {@code address}, if the file has one. */
  @SuppressWarnings("unchecked")
  public Optional<Entry> find(InetAddress address) {
    if (!(address instanceof Inet4Address) && reader.getMetadata().ipVersion() == 4) {
      return Optional.empty(); // an IPv4-only file knows nothing about IPv6
    }
    try {
      DatabaseRecord<Map> record = reader.getRecord(address, Map.class);
      if (record.data() == null) {
        return Optional.empty();
      }
      return Optional.of(new Entry((Map<String, Object>) record.data(),
          record.network().networkAddress(), record.network().prefixLength()));
    } catch (IOException e) {
      return Optional.empty(); // a corrupt record: this address has no data
    } catch (RuntimeException e) {
      return Optional.empty(); // maxmind-db reports some corruption unchecked
    }
  }

  /** What the file says it is, e.g. {@code GeoLite2-ASN}. */
  public String databaseType() {
    return reader.getMetadata().databaseType();
  }

  /** Text field {@code path} of nested maps, e.g. {@code "country", "names", "en"}. */
  public static Optional<String> text(Map<String, Object> fields, String... path) {
    return value(fields, path).filter(String.class::isInstance).map(String.class::cast);
  }

  /** Whole-number field {@code path} of nested maps. */
  public static Optional<Long> number(Map<String, Object> fields, String... path) {
    return value(fields, path).filter(v -> v instanceof Long || v instanceof Integer
        || v instanceof java.math.BigInteger).map(v -> ((Number) v).longValue());
  }

  private static Optional<Object> value(Map<String, Object> fields, String... path) {
    Object at = fields;
    for (String key : path) {
      if (!(at instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      at = map.get(key);
    }
    return Optional.ofNullable(at);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "MaxMindDatabase[" + path + ", " + databaseType() + "]";
  }
}
