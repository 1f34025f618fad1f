package dev.hoptrace.sim;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The sockets of one trace on the simulated client. Unprivileged UDP and TCP open one socket per
 * probe (a fresh ephemeral port, given back on release), Paris UDP one for the whole trace; ICMP
 * uses one ping socket; raw sessions hold one reserved port as their identity. Replies wait in an inbox until {@code receive} hands
 * them over, decoded from their bytes.
 */
final class SimSession implements ProbeSession {
  private final Internet net;
  private final ClientStack stack;
  private final SessionInfo info;
  private final Protocol protocol;
  private final boolean raw;
  private final int ident;
  private final ProbeBuilder builder;
  private final ReplyReader reader;
  /** Whether probes carry DF and are refused, not fragmented, when longer than the link. */
  private final boolean discoverMtu;
  private final ArrayDeque<Delivered> inbox = new ArrayDeque<>();
  /** Per-probe sockets still open: key → local port. */
  private final Map<WireKey, Integer> sockets = new HashMap<>();
  private boolean closed;

  private record Delivered(byte[] packet, WireKey socketKey, long at) {}

  SimSession(Internet net, SessionSpec spec, SessionInfo info, boolean raw) {
    this.net = net;
    this.stack = net.client;
    this.info = info;
    this.protocol = spec.protocol();
    this.raw = raw;
    boolean onePort =
        raw || protocol == Protocol.ICMP || (spec.paris() && protocol == Protocol.UDP);
    this.ident = onePort ? stack.bind(protocol, this) : 0;
    if (raw) {
      stack.addRaw(this);
    }
    this.discoverMtu = spec.discoverMtu();
    this.builder = new ProbeBuilder(spec, info.localAddress(), raw);
    this.reader = new ReplyReader(protocol, raw, ident, spec.destination(), builder,
        info.localAddress());
  }

  boolean raw() {
    return raw;
  }

  Protocol protocol() {
    return protocol;
  }

  int ident() {
    return ident;
  }

  /** Called by the stack: a packet arrived for this session (socket key null: from the packet). */
  void queue(byte[] packet, WireKey socketKey, long at) {
    if (!closed) {
      inbox.add(new Delivered(packet, socketKey, at));
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
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    synchronized (net) {
      if (closed) {
        throw new NetworkException(NetworkException.Reason.OTHER, "session is closed");
      }
      boolean perProbe = ident == 0;
      int port = perProbe ? stack.bind(protocol, this) : ident;
      ProbeBuilder.Built built =
          builder.build(probe, port, stack.nextIpId(), stack.randomIsn());
      if (perProbe) {
        stack.attach(protocol, port, new ClientStack.Endpoint(this, built.key(),
            protocol == Protocol.ICMP ? null : built.packet()));
        Integer previous = sockets.put(built.key(), port);
        if (previous != null) {
          stack.unbind(protocol, previous);
        }
      }
      byte[] packet = built.packet();
      if (discoverMtu && !Datagram.v6(packet)) {
        Ipv4Header.setDontFragment(packet); // IP_PMTUDISC_PROBE, or DF in a raw header
      }
      // The kernel refuses what it may not fragment and the link cannot carry: raw sends
      // (IP_HDRINCL) always, other sockets with DF (--mtu); the error comes back at once.
      byte[] refusal = raw || discoverMtu ? stack.refusal(packet) : null;
      if (refusal != null) {
        queue(refusal, perProbe ? built.key() : null, net.clock.now());
      } else {
        stack.send(packet);
      }
      return new SentProbe(built.key(), net.clock.now());
    }
  }

  @Override
  public void receive(long deadline, ReplySink sink) {
    synchronized (net) {
      while (inbox.isEmpty() && net.step(deadline)) {
        // each step is one packet arrival somewhere in the network
      }
      while (!inbox.isEmpty()) {
        Delivered d = inbox.poll();
        try {
          ReplyReader.Read read = reader.read(d.packet(), d.socketKey(), d.at());
          if (read.reply() != null) {
            sink.accept(read.reply());
            read.extensionProblem().ifPresent(p -> sink.malformed("ICMP extension dropped: " + p));
          } else {
            sink.foreign("packet that answers no probe of this session");
          }
        } catch (MalformedPacketException e) {
          sink.malformed(e.getMessage());
        }
      }
    }
  }

  @Override
  public void release(SentProbe probe) {
    synchronized (net) {
      Integer port = sockets.remove(probe.key());
      if (port != null) {
        stack.unbind(protocol, port);
      }
    }
  }

  /** Sockets this session still holds open for probes (for tests). */
  int openSockets() {
    synchronized (net) {
      return sockets.size();
    }
  }

  @Override
  public void close() {
    synchronized (net) {
      if (closed) {
        return;
      }
      closed = true;
      sockets.values().forEach(port -> stack.unbind(protocol, port));
      sockets.clear();
      if (ident != 0) {
        stack.unbind(protocol, ident);
      }
      if (raw) {
        stack.removeRaw(this);
      }
      inbox.clear();
    }
  }
}
