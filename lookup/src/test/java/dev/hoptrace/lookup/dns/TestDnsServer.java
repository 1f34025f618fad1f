package dev.hoptrace.lookup.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A tiny authoritative DNS server on loopback that answers PTR queries from a table, and can delay,
 * drop or fail them per name. Every query is counted, so tests can assert how many went out.
 */
final class TestDnsServer implements AutoCloseable {

  /** What the server does with a query for one name. */
  sealed interface Behaviour {}

  /** Answers with these records (PTR and CNAME), after {@code delay}. */
  record Answer(List<org.xbill.DNS.Record> records, Duration delay) implements Behaviour {}

  /** Replies with this response code and no records. */
  record Fail(int rcode) implements Behaviour {}

  /** Never replies. */
  record Drop() implements Behaviour {}

  private static final long TTL = 3600;

  private final DatagramSocket socket;
  private final Thread loop;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final Map<Name, Behaviour> table = new ConcurrentHashMap<>();
  private final Map<Name, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private volatile Behaviour otherwise = new Fail(Rcode.NXDOMAIN);

  private TestDnsServer(InetAddress bind) throws SocketException {
    if (!bind.isLoopbackAddress()) {
      throw new IllegalArgumentException("tests only use loopback, not " + bind);
    }
    socket = new DatagramSocket(new InetSocketAddress(bind, 0));
    loop = Thread.ofPlatform().daemon().name("test-dns-" + socket.getLocalPort()).start(this::serve);
  }

  /** Starts a server on 127.0.0.1 on a free port. */
  static TestDnsServer start() throws SocketException {
    return new TestDnsServer(InetAddress.getLoopbackAddress());
  }

  /** Starts a server on the given loopback address (127.0.0.1 or ::1) on a free port. */
  static TestDnsServer startOn(InetAddress loopback) throws SocketException {
    return new TestDnsServer(loopback);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** {@code host:port} or {@code [v6]:port}, as a user would write it. */
  String hostPort() {
    InetAddress host = address().getAddress();
    String literal = host.getHostAddress();
    return (host instanceof java.net.Inet6Address ? "[" + literal + "]" : literal)
        + ":" + address().getPort();
  }

  /** Answers the PTR query for {@code address} with {@code target}, at once. */
  TestDnsServer ptr(InetAddress address, String target) throws TextParseException {
    return ptr(address, target, Duration.ZERO);
  }

  /** Answers the PTR query for {@code address} with {@code target}, after {@code delay}. */
  TestDnsServer ptr(InetAddress address, String target, Duration delay)
      throws TextParseException {
    Name owner = ReverseMap.fromAddress(address);
    var record = new PTRRecord(owner, DClass.IN, TTL, Name.fromString(target));
    table.put(owner, new Answer(List.of(record), delay));
    return this;
  }

  /** Answers {@code address} RFC 2317 style: a CNAME into a delegated zone, then the PTR there. */
  TestDnsServer classless(InetAddress address, String alias, String target)
      throws TextParseException {
    Name owner = ReverseMap.fromAddress(address);
    Name aliasName = Name.fromString(alias);
    table.put(owner, new Answer(List.of(
        new CNAMERecord(owner, DClass.IN, TTL, aliasName),
        new PTRRecord(aliasName, DClass.IN, TTL, Name.fromString(target))), Duration.ZERO));
    return this;
  }

  TestDnsServer on(InetAddress address, Behaviour behaviour) {
    table.put(ReverseMap.fromAddress(address), behaviour);
    return this;
  }

  /** What happens to names not in the table (NXDOMAIN unless changed). */
  TestDnsServer otherwise(Behaviour behaviour) {
    otherwise = behaviour;
    return this;
  }

  int queries() {
    return total.get();
  }

  int queries(InetAddress address) {
    AtomicInteger count = counts.get(ReverseMap.fromAddress(address));
    return count == null ? 0 : count.get();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        respond(query, packet.getSocketAddress());
      } catch (IOException e) {
        // closed, or a datagram that is not DNS: keep serving until closed
      }
    }
  }

  private void respond(Message query, java.net.SocketAddress client) {
    org.xbill.DNS.Record question = query.getQuestion();
    if (question == null) {
      return;
    }
    total.incrementAndGet();
    counts.computeIfAbsent(question.getName(), n -> new AtomicInteger()).incrementAndGet();
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.addRecord(question, Section.QUESTION);
    switch (table.getOrDefault(question.getName(), otherwise)) {
      case Drop drop -> {
        return;
      }
      case Fail fail -> {
        response.getHeader().setRcode(fail.rcode());
        send(response, client);
      }
      case Answer answer -> {
        answer.records().forEach(r -> response.addRecord(r, Section.ANSWER));
        if (answer.delay().isZero()) {
          send(response, client);
        } else {
          later.schedule(() -> send(response, client), answer.delay().toNanos(),
              TimeUnit.NANOSECONDS);
        }
      }
    }
  }

  private void send(Message response, java.net.SocketAddress client) {
    byte[] wire = response.toWire();
    try {
      socket.send(new DatagramPacket(wire, wire.length, client));
    } catch (IOException e) {
      // the test is over or the client went away; nothing to tell
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    later.shutdownNow();
    loop.join(1000);
  }
}
