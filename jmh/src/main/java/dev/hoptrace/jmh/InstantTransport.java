package dev.hoptrace.jmh;

import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SessionInfo;
import java.net.InetAddress;

/**
 * A transport without a network, for measuring the engine alone: every probe is answered at the
 * next receive, by a router (Time Exceeded from 10.0.0.TTL) below the destination's hop and by the
 * destination (Port Unreachable) at it. Time is virtual: a microsecond per call.
 */
final class InstantTransport implements BulkTransport {
  private final TargetTable targets;
  private final int destinationTtl;
  private final SessionInfo info;
  private final int[] target = new int[1 << 16];
  private final int[] ttl = new int[1 << 16];
  private final int[] index = new int[1 << 16];
  private final long[] sentAt = new long[1 << 16];
  private final byte[] router = {10, 0, 0, 0};
  private final byte[] address = new byte[16];
  private int head;
  private int size;
  private long now;

  InstantTransport(TargetTable targets, int destinationTtl) throws Exception {
    this.targets = targets;
    this.destinationTtl = destinationTtl;
    this.info = new SessionInfo(ProbeMode.RAW, "in memory", "",
        InetAddress.getByName("10.255.0.1"), true);
  }

  @Override
  public SessionInfo info() {
    return info;
  }

  @Override
  public long now() {
    return now += 1000;
  }

  @Override
  public int send(ProbeBatch batch) {
    int mask = target.length - 1;
    for (int i = 0; i < batch.count; i++) {
      int at = (head + size++) & mask;
      target[at] = batch.target[i];
      ttl[at] = batch.ttl[i];
      index[at] = batch.index[i];
      sentAt[at] = batch.sentAt[i] = now;
    }
    return batch.count;
  }

  @Override
  public void receive(ReplyBatch replies, long deadline) {
    if (size == 0) {
      now = Math.max(now, deadline);
      return;
    }
    int mask = target.length - 1;
    while (size > 0 && !replies.full()) {
      int at = head;
      head = (head + 1) & mask;
      size--;
      boolean reached = ttl[at] >= destinationTtl;
      int r = replies.add(target[at], ttl[at], index[at], sentAt[at], now + 50_000,
          reached ? ReplyKind.UNREACHABLE : ReplyKind.TIME_EXCEEDED, reached ? 3 : 11,
          reached ? 3 : 0, 0, 60);
      if (reached) {
        targets.copyAddress(target[at], address, 0);
        System.arraycopy(address, 0, replies.responder, r * 16, 4);
      } else {
        router[3] = (byte) ttl[at];
        System.arraycopy(router, 0, replies.responder, r * 16, 4);
      }
    }
  }

  @Override
  public void close() {}
}
