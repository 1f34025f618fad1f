package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.ProbeStamp;
import dev.hoptrace.core.bulk.RateLimiter;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.MessageVector;
import dev.hoptrace.packet.Checksum;
import java.lang.foreign.MemorySegment;

/**
 * Unprivileged bulk probing through one ordinary socket: UDP with {@code IP_RECVERR}, or an ICMP
 * ping socket ({@code SOCK_DGRAM, IPPROTO_ICMP[V6]}). One unconnected socket sends to every
 * destination, a batch per {@code sendmmsg}, each message carrying its TTL as an {@code IP_TTL} /
 * {@code IPV6_HOPLIMIT} control message; ICMP errors come back on the error queue, a batch per
 * {@code recvmmsg(MSG_ERRQUEUE)}: type and code from {@code sock_extended_err}, the responder from
 * its offender, the destination from {@code msg_name}, and the quoted payload, which starts with
 * the {@link ProbeStamp}. Echo replies arrive on the ping socket's normal queue.
 *
 * <p>The kernel writes the headers: the UDP source port is the socket's, the echo identifier the
 * ping socket's, so identity lives in the stamp alone. Paris UDP keeps one destination port; Paris
 * ICMP holds the checksum the kernel will compute by the stamp's slot, knowing the identifier.
 */
final class DatagramBulkTransport implements BulkTransport {
  private static final int RECEIVE_BATCH = 64;
  private static final int RECEIVE_CAPACITY = 2048;
  private static final int CONTROL = 256;
  /** One {@code cmsghdr} with an int: CMSG_SPACE(4). */
  private static final int TTL_CONTROL = 24;
  private static final int ECHO_HEADER = 8;

  private final SessionCore core;
  private final SessionInfo info;
  private final BulkSpec spec;
  private final int fd;
  private final boolean ping;
  private final boolean v6;
  private final int addressLength;
  private final int identifier;
  private final MessageVector out;
  private final MessageVector in;
  private final BulkAncillary ancillary = new BulkAncillary();
  private final byte[] message;
  private final byte[] address = new byte[16];
  private final byte[] received = new byte[RECEIVE_CAPACITY];
  private final byte[] local;
  private final int heldChecksum = new FlowId(0).icmpChecksum();
  private final BatchCalls.Sent tally = new BatchCalls.Sent();

  private DatagramBulkTransport(SessionCore core, SessionInfo info, BulkSpec spec, int fd,
      int identifier) {
    this.core = core;
    this.info = info;
    this.spec = spec;
    this.fd = fd;
    this.ping = spec.protocol() == Protocol.ICMP;
    this.v6 = spec.targets().ipv6();
    this.addressLength = spec.targets().addressLength();
    this.identifier = identifier;
    this.local = info.localAddress().getAddress();
    int length = spec.payloadLength() + (ping ? ECHO_HEADER : 0);
    this.message = new byte[length];
    for (int i = 0; i < length; i++) {
      message[i] = (byte) (0x40 + (i & 0x3f));
    }
    if (ping) {
      message[0] = (byte) (v6 ? 128 : 8);
      for (int i = 1; i < ECHO_HEADER; i++) {
        message[i] = 0;
      }
    }
    this.out = new MessageVector(core.arena, RateLimiter.MAX_BURST, length, TTL_CONTROL);
    this.in = new MessageVector(core.arena, RECEIVE_BATCH, RECEIVE_CAPACITY, CONTROL);
    int level = v6 ? SOL_IPV6 : SOL_IP;
    int type = v6 ? IPV6_HOPLIMIT : IP_TTL;
    MemorySegment controls = out.controls();
    for (int i = 0; i < out.count(); i++) {
      long at = out.controlOffset(i);
      controls.set(JAVA_LONG, at, 20); // CMSG_LEN(4)
      controls.set(JAVA_INT, at + 8, level);
      controls.set(JAVA_INT, at + 12, type);
    }
  }

  static DatagramBulkTransport open(SessionCore core, BulkSpec spec, String note)
      throws NetworkException {
    boolean ping = spec.protocol() == Protocol.ICMP;
    boolean v6 = spec.targets().ipv6();
    int fd;
    try {
      fd = core.setup.open(SOCK_DGRAM, ping ? (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP) : 0, false);
    } catch (ErrnoException e) {
      if (ping && e.errno() == EACCES) {
        throw new NetworkException(NetworkException.Reason.PERMISSION, PingGroupRange.refusal(), e);
      }
      throw NetworkErrors.setup(ping ? "opening an ICMP ping socket" : "opening a UDP socket", e);
    }
    try {
      java.net.InetAddress local = RouteProbe.localAddress(core);
      core.setup.allowFragmentation(fd);
      Libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, 8 << 20);
      int identifier = core.setup.bindAnyPort(fd, core.arena.allocate(128, 8));
      String queue = v6 ? "IPV6_RECVERR" : "IP_RECVERR";
      String description = (ping ? "ICMP echo through one ping socket" : "UDP through one socket")
          + ", sendmmsg with a TTL per message, errors from the " + queue + " error queue by"
          + " recvmmsg, state carried in each probe" + note;
      SessionInfo info = new SessionInfo(ProbeMode.UNPRIVILEGED, description,
          "cannot see the quoted IP header (TTL, TOS, IP ID)", local, false);
      DatagramBulkTransport transport = new DatagramBulkTransport(core, info, spec, fd, identifier);
      core.register(fd, EPOLLIN, (events, wokeAt, sink) -> {});
      return transport;
    } catch (ErrnoException e) {
      Libc.closeQuietly(fd);
      throw NetworkErrors.setup("preparing the probe socket", e);
    } catch (NetworkException | RuntimeException e) {
      Libc.closeQuietly(fd);
      throw e;
    }
  }

  @Override
  public SessionInfo info() {
    return info;
  }

  @Override
  public long now() {
    return RealtimeClock.now();
  }

  @Override
  public int send(ProbeBatch batch) throws NetworkException {
    int n = Math.min(batch.count, out.count());
    long now = RealtimeClock.now();
    MemorySegment controls = out.controls();
    int stampAt = ping ? ECHO_HEADER : 0;
    for (int i = 0; i < n; i++) {
      int target = batch.target[i];
      ProbeStamp.write(message, stampAt, spec.check(target), batch.ttl[i], batch.index[i], now);
      int port = 0;
      if (ping) {
        message[6] = (byte) (batch.sequence[i] >>> 8);
        message[7] = (byte) batch.sequence[i];
        holdChecksum(target, spec.paris() ? heldChecksum
            : ProbeStamp.shortCheck(spec.check(target)));
      } else {
        port = spec.udpPort(batch.sequence[i]);
      }
      out.putData(i, message, 0, message.length);
      spec.targets().copyAddress(target, address, 0);
      int nameLength = BulkAddresses.write(out.names(), out.nameOffset(i), address, addressLength,
          port);
      controls.set(JAVA_INT, out.controlOffset(i) + 16, batch.ttl[i]);
      out.prepareForSend(i, nameLength, message.length, TTL_CONTROL);
      batch.sentAt[i] = now;
    }
    return BatchCalls.sendAll(fd, out, n, tally);
  }

  /**
   * Sets the stamp's slot so that the checksum the kernel computes (identifier filled in, and
   * for ICMPv6 the pseudo-header) is {@code wanted}, whatever the sequence and stamp: flow 0's
   * with Paris, else the destination's short check, which a quote of 8 bytes still returns.
   */
  private void holdChecksum(int target, int wanted) {
    message[2] = 0;
    message[3] = 0;
    message[4] = (byte) (identifier >>> 8);
    message[5] = (byte) identifier;
    long sum = Checksum.sum(message, 0, message.length, 0);
    if (v6) {
      spec.targets().copyAddress(target, address, 0);
      sum = Checksum.sum(local, 0, 16, sum);
      sum = Checksum.sum(address, 0, 16, sum);
      sum += IPPROTO_ICMPV6 + message.length;
    }
    int computed = Checksum.finish(sum);
    long slot = computed + (~wanted & 0xffff);
    while ((slot >>> 16) != 0) {
      slot = (slot & 0xffff) + (slot >>> 16);
    }
    int at = ECHO_HEADER + ProbeStamp.CHECKSUM_SLOT;
    message[at] = (byte) (slot >>> 8);
    message[at + 1] = (byte) slot;
    message[4] = 0;
    message[5] = 0;
  }

  @Override
  public void receive(ReplyBatch replies, long deadline) throws NetworkException {
    try {
      boolean waited = false;
      while (true) {
        int before = replies.count;
        boolean more = drain(MSG_ERRQUEUE, replies) | drain(0, replies);
        if (more && replies.count < replies.capacity()) {
          continue;
        }
        if (replies.count > before || replies.count > 0 || waited) {
          return;
        }
        long remaining = deadline - RealtimeClock.now();
        if (remaining <= 0) {
          return;
        }
        BatchCalls.await(core, remaining);
        waited = true;
      }
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("receiving replies", e);
    }
  }

  /** Reads one batch from a queue; true when it filled the batch (more may be waiting). */
  private boolean drain(int queue, ReplyBatch replies) throws NetworkException {
    int room = Math.min(RECEIVE_BATCH, replies.capacity() - replies.count);
    if (room <= 0) {
      return false;
    }
    int got = BatchCalls.receive(fd, in, room, queue);
    long fallback = got > 0 ? RealtimeClock.now() : 0;
    for (int i = 0; i < got; i++) {
      if (queue == MSG_ERRQUEUE) {
        error(i, fallback, replies);
      } else if (ping) {
        echoReply(i, fallback, replies);
      }
      // UDP datagrams someone sent to our port are read and dropped.
    }
    return got == room;
  }

  private void error(int i, long fallback, ReplyBatch replies) {
    int length = in.getData(i, received);
    ancillary.parse(in.controls(), in.controlOffset(i), in.controlLength(i));
    if (!ancillary.isIcmp()) {
      return; // a local error (EMSGSIZE) or a stamp: nothing a destination said
    }
    if (!BulkAddresses.read(in.names(), in.nameOffset(i), in.nameLength(i), address,
        addressLength)) {
      replies.malformed++;
      return;
    }
    int stamp = ping ? ECHO_HEADER : 0;
    if (ping && (length < ECHO_HEADER || (received[0] & 0xff) != (v6 ? 128 : 8))) {
      replies.unmatched++;
      return;
    }
    ReplyKind kind = ReplyKind.ofIcmp(v6, ancillary.type, ancillary.code);
    int mtu = kind == ReplyKind.PACKET_TOO_BIG ? ancillary.info : 0;
    long at = ancillary.time > 0 ? ancillary.time : fallback;
    int target = spec.targets().find(address, 0);
    if (stamp + ProbeStamp.LENGTH > length) {
      addShort(target, length, BulkAddresses.port(in.names(), in.nameOffset(i)), at, kind, mtu,
          replies);
      return;
    }
    add(target, stamp, length, ancillary.offender, at, kind, ancillary.type, ancillary.code, mtu,
        replies);
  }

  /**
   * An error whose router quoted too little for the stamp (RFC 792: the IP header and 8 bytes).
   * A ping socket still gets the quoted echo header: the sequence says which probe, and without
   * Paris the checksum the kernel computed is the destination's short check (see {@link
   * #holdChecksum}); with Paris it is held for the flow, so the sequence and the socket's
   * identifier alone tie the reply. The UDP error queue returns only what follows the UDP header,
   * and the quoted destination port in {@code msg_name}: without Paris that port is the probe's
   * position, and nothing checks the destination (the socket's own port tells only that the probe
   * was ours); with Paris every probe has one port, and the reply is unmatched.
   */
  private void addShort(int target, int length, int port, long at, ReplyKind kind, int mtu,
      ReplyBatch replies) {
    int sequence;
    boolean known;
    if (ping) {
      sequence = (received[6] & 0xff) << 8 | (received[7] & 0xff);
      int checksum = (received[2] & 0xff) << 8 | (received[3] & 0xff);
      known = spec.paris() || (target >= 0
          && checksum == ProbeStamp.shortCheck(spec.check(target)));
    } else {
      sequence = port - spec.port();
      known = !spec.paris() && sequence >= 0 && spec.udpPort(sequence) == port;
    }
    if (target < 0 || !known || replies.full()) {
      replies.unmatched++;
      return;
    }
    int r = replies.addBySequence(target, sequence, at, kind, ancillary.type, ancillary.code, mtu,
        ancillary.ttl);
    System.arraycopy(ancillary.offender, 0, replies.responder, r * 16, addressLength);
  }

  private void echoReply(int i, long fallback, ReplyBatch replies) {
    int length = in.getData(i, received);
    ancillary.parse(in.controls(), in.controlOffset(i), in.controlLength(i));
    if (length < ECHO_HEADER || (received[0] & 0xff) != (v6 ? 129 : 0)
        || !BulkAddresses.read(in.names(), in.nameOffset(i), in.nameLength(i), address,
            addressLength)) {
      replies.malformed++;
      return;
    }
    long at = ancillary.time > 0 ? ancillary.time : fallback;
    add(spec.targets().find(address, 0), ECHO_HEADER, length, address, at,
        ReplyKind.ECHO_REPLY, received[0] & 0xff, received[1] & 0xff, 0, replies);
  }

  private void add(int target, int stamp, int length, byte[] from, long at, ReplyKind kind,
      int type, int code, int mtu, ReplyBatch replies) {
    if (target < 0 || stamp + ProbeStamp.LENGTH > length || replies.full()
        || ProbeStamp.check(received, stamp) != spec.check(target)) {
      replies.unmatched++;
      return;
    }
    int r = replies.add(target, ProbeStamp.ttl(received, stamp), ProbeStamp.index(received, stamp),
        ProbeStamp.sentAt(received, stamp, at), at, kind, type, code, mtu, ancillary.ttl);
    System.arraycopy(from, 0, replies.responder, r * 16, addressLength);
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
    core.close();
  }
}
