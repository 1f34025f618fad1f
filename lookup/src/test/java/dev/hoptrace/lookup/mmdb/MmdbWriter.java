package dev.hoptrace.lookup.mmdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small MaxMind DB file from known records, so tests read through the real reader what
 * they put in: the binary search tree (24-bit records), the 16-byte separator, the data section
 * and the metadata, as the MaxMind DB File Format Specification 2.0 lays them out. No pointers,
 * no deduplication beyond sharing one map between networks: enough for a handful of networks.
 *
 * <p>Values: {@link String} is a UTF-8 string, {@link Integer} a uint16, {@link Long} a uint32,
 * {@link Uint64} a uint64, {@link Map} a map, {@link List} an array, {@link Boolean} a boolean,
 * {@link Double} a double, {@code byte[]} bytes. In an IPv6 tree IPv4 networks go under ::/96,
 * where readers look for them.
 */
public final class MmdbWriter {

  /** A value written as uint64 (the metadata's build epoch). */
  public record Uint64(long value) {}

  private static final int RECORD_BITS = 24;
  private static final byte[] METADATA_MARKER = {
      (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};

  /** A tree node: each child is a Node, a data map, or null (nothing there). */
  private static final class Node {
    final Object[] child = new Object[2];
  }

  private final String databaseType;
  private final int ipVersion;
  private final Node root = new Node();

  public MmdbWriter(String databaseType, int ipVersion) {
    if (ipVersion != 4 && ipVersion != 6) {
      throw new IllegalArgumentException("ip_version is 4 or 6");
    }
    this.databaseType = databaseType;
    this.ipVersion = ipVersion;
  }

  /** Stores {@code record} for every address in {@code cidr}; networks must not overlap. */
  public MmdbWriter insert(String cidr, Map<String, ?> record) {
    int slash = cidr.indexOf('/');
    InetAddress network = InetAddress.ofLiteral(cidr.substring(0, slash));
    int length = Integer.parseInt(cidr.substring(slash + 1));
    byte[] bytes = network.getAddress();
    if (ipVersion == 4 && bytes.length == 16) {
      throw new IllegalArgumentException("an IPv4 tree cannot hold " + cidr);
    }
    if (ipVersion == 6 && network instanceof Inet4Address) {
      byte[] mapped = new byte[16]; // ::a.b.c.d, the subtree readers search for IPv4 addresses
      System.arraycopy(bytes, 0, mapped, 12, 4);
      bytes = mapped;
      length += 96;
    }
    if (length < 1) {
      throw new IllegalArgumentException("a /0 network is not supported here");
    }
    Node node = root;
    for (int depth = 0; depth < length; depth++) {
      int bit = (bytes[depth / 8] >> (7 - depth % 8)) & 1;
      if (depth == length - 1) {
        if (node.child[bit] != null) {
          throw new IllegalArgumentException(cidr + " overlaps a network already inserted");
        }
        node.child[bit] = record;
      } else {
        if (node.child[bit] == null) {
          node.child[bit] = new Node();
        } else if (!(node.child[bit] instanceof Node)) {
          throw new IllegalArgumentException(cidr + " lies inside a network already inserted");
        }
        node = (Node) node.child[bit];
      }
    }
    return this;
  }

  /** The whole file. */
  public byte[] toBytes() {
    List<Node> nodes = new ArrayList<>(); // breadth first: the root is node 0
    Map<Node, Integer> index = new IdentityHashMap<>();
    Deque<Node> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      Node n = queue.removeFirst();
      index.put(n, nodes.size());
      nodes.add(n);
      for (Object c : n.child) {
        if (c instanceof Node child) {
          queue.addLast(child);
        }
      }
    }
    int nodeCount = nodes.size();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Map<Object, Integer> offsets = new IdentityHashMap<>();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (Node n : nodes) {
      for (Object c : n.child) {
        long value;
        if (c == null) {
          value = nodeCount; // "no data"
        } else if (c instanceof Node child) {
          value = index.get(child);
        } else {
          Integer offset = offsets.get(c);
          if (offset == null) {
            offset = data.size();
            offsets.put(c, offset);
            encode(data, c);
          }
          value = nodeCount + 16L + offset; // a pointer into the data section
        }
        if (value >= 1L << RECORD_BITS) {
          throw new IllegalStateException("too big for 24-bit records");
        }
        file.write((int) (value >> 16));
        file.write((int) (value >> 8));
        file.write((int) value);
      }
    }
    file.writeBytes(new byte[16]); // the data section separator
    file.writeBytes(data.toByteArray());
    file.writeBytes(METADATA_MARKER);
    encode(file, Map.of(
        "node_count", (long) nodeCount,
        "record_size", RECORD_BITS,
        "ip_version", ipVersion,
        "database_type", databaseType,
        "languages", List.of("en"),
        "binary_format_major_version", 2,
        "binary_format_minor_version", 0,
        "build_epoch", new Uint64(1_700_000_000L),
        "description", Map.of("en", "hoptrace test database")));
    return file.toByteArray();
  }

  /** Writes the file to {@code path} and returns the path. */
  public Path writeTo(Path path) throws IOException {
    Files.write(path, toBytes());
    return path;
  }

  /** One data field: control byte (type, size), extended type byte if any, size bytes, payload. */
  private static void encode(ByteArrayOutputStream out, Object value) {
    switch (value) {
      case String s -> {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        control(out, 2, utf8.length);
        out.writeBytes(utf8);
      }
      case Double d -> {
        control(out, 3, 8);
        unsigned(out, Double.doubleToLongBits(d), 8);
      }
      case byte[] bytes -> {
        control(out, 4, bytes.length);
        out.writeBytes(bytes);
      }
      case Integer i -> {
        if (i < 0 || i > 0xFFFF) {
          throw new IllegalArgumentException("uint16 out of range: " + i);
        }
        control(out, 5, 2);
        unsigned(out, i, 2);
      }
      case Long l -> {
        if (l < 0 || l > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException("uint32 out of range: " + l);
        }
        control(out, 6, 4);
        unsigned(out, l, 4);
      }
      case Map<?, ?> map -> {
        control(out, 7, map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          encode(out, (String) e.getKey());
          encode(out, e.getValue());
        }
      }
      case Uint64 u -> {
        control(out, 9, 8);
        unsigned(out, u.value(), 8);
      }
      case List<?> list -> {
        control(out, 11, list.size());
        list.forEach(element -> encode(out, element));
      }
      case Boolean b -> control(out, 14, b ? 1 : 0);
      default -> throw new IllegalArgumentException("cannot encode " + value.getClass());
    }
  }

  private static void control(ByteArrayOutputStream out, int type, int size) {
    int sizeBits;
    byte[] sizeBytes;
    if (size < 29) {
      sizeBits = size;
      sizeBytes = new byte[0];
    } else if (size < 29 + 256) {
      sizeBits = 29;
      sizeBytes = new byte[] {(byte) (size - 29)};
    } else if (size < 285 + 65536) {
      sizeBits = 30;
      sizeBytes = new byte[] {(byte) ((size - 285) >> 8), (byte) (size - 285)};
    } else {
      sizeBits = 31;
      int rest = size - 65821;
      sizeBytes = new byte[] {(byte) (rest >> 16), (byte) (rest >> 8), (byte) rest};
    }
    if (type <= 7) {
      out.write(type << 5 | sizeBits);
    } else {
      out.write(sizeBits); // type 0: "extended", the real type follows as type - 7
      out.write(type - 7);
    }
    out.writeBytes(sizeBytes);
  }

  private static void unsigned(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }
}
