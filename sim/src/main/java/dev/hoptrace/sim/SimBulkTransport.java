package dev.hoptrace.sim;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.RawProbeWriter;
import dev.hoptrace.core.bulk.RawReplyReader;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.net.SessionInfo;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A bulk run on the simulated client, as raw sockets: probes are written by the same {@link
 * RawProbeWriter} the kernel transport uses and put on the client's link; every packet that
 * arrives for the client is read by the same {@link RawReplyReader} (ICMP always, TCP segments in a
 * TCP run, as a raw TCP socket would see them). Virtual time passes only
 * while {@link #receive} waits.
 */
final class SimBulkTransport implements BulkTransport {
  private final Internet net;
  private final SessionInfo info;
  private final RawProbeWriter writer;
  private final RawReplyReader reader;
  private final int secretCheckLength;
  private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
  private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
  private final BulkSpec spec;
  private final boolean tcp;
  private final byte[] from = new byte[16];
  private boolean closed;

  SimBulkTransport(Internet net, BulkSpec spec, SessionInfo info, int ident) {
    this.net = net;
    this.spec = spec;
    this.tcp = spec.protocol() == dev.hoptrace.core.net.Protocol.TCP;
    this.info = info;
    byte[] source = info.localAddress().getAddress();
    this.writer = new RawProbeWriter(spec, source, ident);
    this.reader = new RawReplyReader(spec, ident);
    this.secretCheckLength = spec.targets().addressLength();
    net.client.addTap(this);
  }

  void queue(byte[] packet, long at) {
    if (!closed) {
      inbox.add(packet);
      arrivals.add(at);
    }
  }

  @Override
  public SessionInfo info() {
    return info;
  }

  @Override
  public long now() {
    synchronized (net) {
      return net.clock.now();
    }
  }

  @Override
  public int send(ProbeBatch batch) {
    synchronized (net) {
      for (int i = 0; i < batch.count; i++) {
        long now = net.clock.now();
        byte[] packet = new byte[writer.length()];
        writer.write(packet, 0, batch.target[i], batch.ttl[i], batch.index[i], batch.sequence[i],
            spec.check(batch.target[i]), now);
        batch.sentAt[i] = now;
        net.client.send(packet);
      }
      return batch.count;
    }
  }

  @Override
  public void receive(ReplyBatch replies, long deadline) {
    synchronized (net) {
      while (inbox.isEmpty() && net.step(deadline)) {
        // each step is one packet arrival somewhere in the network
      }
      while (!inbox.isEmpty() && !replies.full()) {
        byte[] p = inbox.poll();
        long at = arrivals.poll();
        int header = Datagram.headerLength(p);
        boolean v6 = Datagram.v6(p);
        boolean segment = tcp && Datagram.protocol(p) == Datagram.TCP;
        if (v6 != spec.targets().ipv6() || !(Datagram.icmp(p) || segment)) {
          continue; // a raw socket of the other family, or a TCP segment of a UDP/ICMP run
        }
        Arrays.fill(from, (byte) 0);
        System.arraycopy(p, v6 ? 8 : 12, from, 0, secretCheckLength);
        int replyTtl = p[v6 ? 7 : 8] & 0xff;
        if (segment) {
          reader.readTcp(p, header, p.length - header, from, 0, replyTtl, at, replies);
        } else {
          reader.read(p, header, p.length - header, from, 0, replyTtl, at, replies);
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (net) {
      closed = true;
      net.client.removeTap(this);
      inbox.clear();
      arrivals.clear();
    }
  }
}
