package dev.hoptrace.lab.emulator;

import dev.hoptrace.linux.NetworkNamespace;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced UDP echo pair across two namespaces: an echo server in B, a client in A that sends
 * {@code count} datagrams at a fixed rate (each carrying its sequence number and send time) and
 * times the echoes. Sockets are made on threads that entered the namespace; sending and receiving
 * then happen on ordinary threads. RTT = {@code nanoTime} at receipt − at send, so it includes the
 * receiving thread's wake-up, the same with and without the emulated delay.
 */
final class UdpEchoLoad {
  private static final int PORT = 7007;
  private static final int PAYLOAD = 64;

  private UdpEchoLoad() {}

  static PingTimes run(String clientNs, String serverNs, InetAddress server, int rate, int count)
      throws Exception {
    InetSocketAddress address = new InetSocketAddress(server, PORT);
    try (DatagramChannel echo = NetworkNamespace.call(serverNs, () -> DatagramChannel.open().bind(
            address));
        DatagramChannel client = NetworkNamespace.call(clientNs, () -> DatagramChannel.open()
            .connect(address))) {
      Thread echoer = Thread.ofPlatform().name("udp-echo").start(() -> echo(echo));
      long[] rtt = new long[count];
      Arrays.fill(rtt, -1);
      Thread receiver = Thread.ofPlatform().name("udp-echo-client").start(
          () -> receive(client, rtt));
      long period = TimeUnit.SECONDS.toNanos(1) / rate;
      ByteBuffer out = ByteBuffer.allocateDirect(PAYLOAD);
      long start = System.nanoTime();
      for (int seq = 0; seq < count; seq++) {
        long due = start + seq * period;
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(wait);
        }
        out.clear().putInt(0, seq).putLong(4, System.nanoTime());
        client.write(out);
      }
      receiver.join(3_000); // the last echoes are at most one RTT and a bit away
      client.close();
      echo.close();
      receiver.join();
      echoer.join();
      double[] millis = Arrays.stream(rtt).filter(r -> r >= 0).mapToDouble(r -> r / 1e6)
          .sorted().toArray();
      return new PingTimes(millis, count, millis.length);
    }
  }

  private static void echo(DatagramChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(PAYLOAD);
    try {
      while (true) {
        SocketAddress from = channel.receive(buffer.clear());
        channel.send(buffer.flip(), from);
      }
    } catch (ClosedChannelException e) {
      // asked to stop
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void receive(DatagramChannel channel, long[] rtt) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(PAYLOAD);
    int received = 0;
    try {
      while (received < rtt.length) {
        channel.read(buffer.clear());
        long now = System.nanoTime();
        int seq = buffer.getInt(0);
        if (seq >= 0 && seq < rtt.length && rtt[seq] < 0) {
          rtt[seq] = now - buffer.getLong(4);
          received++;
        }
      }
    } catch (ClosedChannelException e) {
      // the sender gave up waiting for the rest
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
