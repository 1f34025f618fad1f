package dev.hoptrace.cli.it;

import dev.hoptrace.linux.NetworkNamespace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on 127.0.0.1:53 inside a lab namespace (where the lab's resolv.conf points) that
 * answers PTR queries with whatever bytes a test gives, as a hostile reverse zone would: dnsmasq
 * refuses to serve escape characters, and a real zone file cannot hold an over-long name. The
 * answers are written byte by byte (RFC 1035 4.1), so nothing on this side cleans them up.
 */
final class LabDnsServer implements AutoCloseable {

  /** What the server does with queries: answer, or swallow them as a dead server would. */
  enum State { ANSWERING, SILENT }

  private final DatagramSocket socket;
  private final Map<String, byte[]> targets = new ConcurrentHashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private volatile State state = State.ANSWERING;
  /** Queries answered before the server falls silent by itself; unlimited by default. */
  private volatile int answerLimit = Integer.MAX_VALUE;
  private final Thread loop;

  private LabDnsServer(DatagramSocket socket) {
    this.socket = socket;
    this.loop = Thread.ofPlatform().daemon().name("lab-dns").start(this::serve);
  }

  /** Binds 127.0.0.1:53 in {@code namespace}; the socket stays there, served from here. */
  static LabDnsServer startIn(String namespace) throws Exception {
    DatagramSocket socket = NetworkNamespace.call(namespace,
        () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 53)));
    return new LabDnsServer(socket);
  }

  /**
   * Answers the PTR query for {@code address} with a name of these labels, each raw bytes. Labels
   * longer than 63 bytes or names longer than 255 are written as given: a lie about lengths.
   */
  void ptr(InetAddress address, List<byte[]> labels) {
    ByteArrayOutputStream name = new ByteArrayOutputStream();
    for (byte[] label : labels) {
      name.write(label.length & 0xff);
      name.writeBytes(label);
    }
    name.write(0);
    targets.put(reverseName(address), name.toByteArray());
  }

  void state(State state) {
    this.state = state;
  }

  /** Answers {@code queries} more queries, then swallows the rest: a server dying mid-run. */
  void dieAfter(int queries) {
    answerLimit = this.queries.get() + queries;
  }

  int queries() {
    return queries.get();
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        if (queries.incrementAndGet() > answerLimit) {
          state = State.SILENT;
        }
        if (state == State.SILENT) {
          continue;
        }
        byte[] answer = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        if (answer != null) {
          socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  /**
   * <pre>
   * header: ID, flags (QR AA, RCODE), QDCOUNT 1, ANCOUNT 0/1, NSCOUNT 0, ARCOUNT 0
   * question: the query's, copied
   * answer: NAME (pointer 0xC00C), TYPE PTR (12), CLASS IN, TTL, RDLENGTH, RDATA (the target)
   * </pre>
   */
  private byte[] answer(byte[] query) {
    if (query.length < 12) {
      return null;
    }
    int end = 12;
    StringBuilder qname = new StringBuilder();
    while (end < query.length && query[end] != 0) {
      int length = query[end] & 0xff;
      if (end + 1 + length > query.length) {
        return null;
      }
      qname.append(new String(query, end + 1, length, java.nio.charset.StandardCharsets.US_ASCII))
          .append('.');
      end += 1 + length;
    }
    end += 5; // the root label, QTYPE, QCLASS
    if (end > query.length) {
      return null;
    }
    byte[] target = targets.get(qname.toString().toLowerCase(java.util.Locale.ROOT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(query[0]);
    out.write(query[1]);
    out.write(0x84 | (query[2] & 0x01)); // QR, AA, the query's RD
    out.write(target == null ? 3 : 0); // NXDOMAIN when there is no name
    out.writeBytes(new byte[] {0, 1, 0, (byte) (target == null ? 0 : 1), 0, 0, 0, 0});
    out.write(query, 12, end - 12);
    if (target != null) {
      out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 12, 0, 1, 0, 0, 0x0e, 0x10});
      out.write(target.length >> 8);
      out.write(target.length & 0xff);
      out.writeBytes(target);
    }
    return out.toByteArray();
  }

  /** in-addr.arpa / ip6.arpa name of an address (RFC 1035 3.5, RFC 3596 2.5), with the dot. */
  static String reverseName(InetAddress address) {
    byte[] b = address.getAddress();
    StringBuilder name = new StringBuilder();
    if (address instanceof Inet6Address) {
      String hex = HexFormat.of().formatHex(b);
      for (int i = hex.length() - 1; i >= 0; i--) {
        name.append(hex.charAt(i)).append('.');
      }
      return name.append("ip6.arpa.").toString();
    }
    for (int i = 3; i >= 0; i--) {
      name.append(b[i] & 0xff).append('.');
    }
    return name.append("in-addr.arpa.").toString();
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    loop.join(2000);
  }
}
