package dev.hoptrace.lookup.asn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS server for a test: dnsmasq on 127.0.0.1, on a free port, answering only from the
 * configuration the test wrote ({@code --no-resolv}, {@code --no-hosts}: it forwards nothing and
 * reads nothing of the machine's). Every query it gets is logged, so tests can count them.
 *
 * <p>The records go into a configuration file rather than onto the command line because only
 * there does dnsmasq read quoted strings and escapes ({@code \e}, {@code \n}, ...), which is how a
 * test serves a hostile TXT record.
 */
final class Dnsmasq implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private Dnsmasq(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread.ofPlatform().daemon().name("dnsmasq-log").start(this::readLog);
  }

  /**
   * Starts dnsmasq with {@code config} lines (dnsmasq.conf syntax); skips the test, saying why,
   * when dnsmasq is not installed.
   */
  static Dnsmasq start(Path dir, List<String> config) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/sbin/dnsmasq"))) {
      String message = "SKIPPED: dnsmasq is not installed (Debian package dnsmasq-base; .ci/run"
          + " installs it when run as root)";
      System.err.println(message);
      Assumptions.abort(message);
    }
    Path conf = Files.write(dir.resolve("dnsmasq.conf"), config, StandardCharsets.UTF_8);
    conf.toFile().setReadable(true, false); // dnsmasq may read it after dropping to nobody
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken in between
      int port = freePort();
      Process process = new ProcessBuilder("/usr/sbin/dnsmasq", "--keep-in-foreground",
          "--conf-file=" + conf, "--no-resolv", "--no-hosts", "--listen-address=127.0.0.1",
          "--bind-interfaces", "--port=" + port, "--pid-file=", "--log-facility=-",
          "--log-queries").redirectErrorStream(true).start();
      Dnsmasq server = new Dnsmasq(process, port);
      try {
        server.awaitAnswering();
        return server;
      } catch (IOException e) {
        server.close();
        last = e;
      }
    }
    throw last;
  }

  /** {@code 127.0.0.1:port}, as a user would write it. */
  String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** How many queries for {@code name} (no trailing dot) of any type it has logged. */
  long queries(String name) {
    return log.stream().filter(l -> l.matches(".*query\\[[A-Z0-9]+\\] \\Q" + name + "\\E from .*"))
        .count();
  }

  /** How many queries it has logged in all, besides those of this class's own probes. */
  long queries() {
    return log.stream().filter(l -> l.matches(".*query\\[[A-Z0-9]+\\] .*")
        && !l.contains(".probe.test from")).count();
  }

  /**
   * Waits until every query sent before this call is in the log: dnsmasq answers them in order,
   * so once a probe sent now shows up, so have they.
   */
  void awaitLogged() throws IOException, InterruptedException {
    String name = "sync" + System.nanoTime() + ".probe.test";
    probe(name);
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (queries(name) == 0) {
      if (System.nanoTime() > deadline) {
        throw new IOException("dnsmasq did not log " + name + ": " + log);
      }
      Thread.sleep(10);
    }
  }

  private void probe(String name) throws IOException {
    SimpleResolver probe = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
    probe.setTimeout(Duration.ofMillis(200));
    probe.send(Message.newQuery(
        org.xbill.DNS.Record.newRecord(Name.fromString(name + "."), Type.TXT, DClass.IN)));
  }

  private void awaitAnswering() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("dnsmasq exited with " + process.exitValue() + ": " + log);
      }
      try {
        probe("ready.probe.test");
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("dnsmasq did not answer within " + START_LIMIT + ": " + log);
  }

  private void readLog() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        log.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** A port free for both UDP and TCP on loopback just now. */
  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // try another
        }
      }
    }
    throw new IOException("no free port on loopback");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
