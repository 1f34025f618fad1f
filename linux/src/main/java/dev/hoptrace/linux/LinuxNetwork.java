package dev.hoptrace.linux;

import dev.hoptrace.core.bulk.BulkNetwork;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.NetworkException.Reason;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.linux.ffm.DowncallWarmUp;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.LayoutAssertions;

/**
 * The {@link Network} of the running Linux kernel, through FFM sockets. See the package
 * documentation for the socket kinds, the identity each carries and the threading.
 */
public final class LinuxNetwork implements Network, BulkNetwork {
  private final ExtensionDecoding extensions;

  /** A network that decodes RFC 4884 extensions with {@code extensions}. */
  public LinuxNetwork(ExtensionDecoding extensions) {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      throw new UnsupportedOperationException("LinuxNetwork needs Linux, not " + System.getProperty("os.name"));
    }
    LayoutAssertions.check();
    DowncallWarmUp.run();
    this.extensions = extensions;
  }

  /** A network with the default extension decoder. */
  public LinuxNetwork() {
    this(Extensions.defaultDecoder());
  }

  @Override
  public ProbeSession open(SessionSpec spec) throws NetworkException {
    requirePlatformThread();
    ProbeMode mode = spec.mode();
    if (mode == ProbeMode.RAW || mode == ProbeMode.AUTO) {
      ProbeSession raw = RawSessions.tryOpen(spec, extensions, mode == ProbeMode.RAW);
      if (raw != null) {
        return raw;
      }
    }
    return openUnprivileged(
        spec, mode == ProbeMode.AUTO ? "; raw sockets refused (no root or CAP_NET_RAW)" : "");
  }

  /** A bulk run: raw sockets when allowed, else one UDP or ping socket; batched either way. */
  @Override
  public BulkTransport openBulk(BulkSpec spec) throws NetworkException {
    return LinuxBulk.open(spec, extensions);
  }

  private ProbeSession openUnprivileged(SessionSpec spec, String note) throws NetworkException {
    if (spec.paris() && spec.protocol() == Protocol.TCP) {
      throw new NetworkException(Reason.PERMISSION, FlowId.TCP_NEEDS_RAW + note);
    }
    if (spec.unprivilegedMtuRefusal().isPresent()) {
      throw new NetworkException(Reason.PERMISSION, spec.unprivilegedMtuRefusal().get() + note);
    }
    SessionCore core;
    try {
      core = new SessionCore(spec, extensions);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("creating the session", e);
    }
    try {
      java.net.InetAddress local = RouteProbe.localAddress(core);
      SessionInfo info = switch (spec.protocol()) {
        case UDP -> SessionInfos.udp(spec, local);
        case ICMP -> SessionInfos.ping(spec, local);
        case TCP -> SessionInfos.tcp(spec, local);
      };
      info = SessionInfos.noted(info, note);
      if (!reportsExtensions(core)) {
        info = SessionInfos.withoutExtensions(info);
      }
      return switch (spec.protocol()) {
        case UDP -> spec.paris() ? UdpFlowSession.open(core, info) : new UdpSession(core, info);
        case ICMP -> PingSession.open(core, info);
        case TCP -> new TcpSession(core, info);
      };
    } catch (NetworkException | RuntimeException e) {
      core.close();
      throw e;
    }
  }

  private static boolean reportsExtensions(SessionCore core) throws NetworkException {
    try {
      return core.setup.reportsExtensions();
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("opening a UDP socket", e);
    }
  }

  /** Native calls pin a virtual thread's carrier: sessions run on platform threads only. */
  static void requirePlatformThread() {
    if (Thread.currentThread().isVirtual()) {
      throw new IllegalStateException(
          "hoptrace sessions block in native calls; use them from a platform thread, not "
              + Thread.currentThread());
    }
  }

  static NetworkException unsupported(String message) {
    return new NetworkException(Reason.UNSUPPORTED, message);
  }
}
