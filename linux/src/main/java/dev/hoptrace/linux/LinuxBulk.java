package dev.hoptrace.linux;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.linux.ffm.ErrnoException;
import java.util.Optional;

/** Opens the sockets of a bulk run: raw when asked for or allowed, else unprivileged. */
final class LinuxBulk {
  private LinuxBulk() {}

  static BulkTransport open(BulkSpec spec, ExtensionDecoding extensions) throws NetworkException {
    LinuxNetwork.requirePlatformThread();
    // Sockets are set up as for a trace to the first destination: family, TOS, route check.
    SessionSpec session = new SessionSpec(spec.targets().address(0), spec.protocol(), spec.mode(),
        Optional.empty(), Optional.empty(), spec.tos(), spec.packetLength(), spec.paris());
    SessionCore core;
    try {
      core = new SessionCore(session, extensions);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("creating the bulk session", e);
    }
    try {
      String note = "";
      if (spec.mode() != ProbeMode.UNPRIVILEGED) {
        BulkTransport raw = RawBulkTransport.tryOpen(core, spec, spec.mode() == ProbeMode.RAW);
        if (raw != null) {
          return raw;
        }
        note = "; raw sockets refused (no root or CAP_NET_RAW)";
      }
      if (spec.protocol() == dev.hoptrace.core.net.Protocol.TCP) {
        // Unprivileged, each SYN would need a connect() of its own (and the kernel's sequence).
        throw new NetworkException(NetworkException.Reason.PERMISSION, BulkSpec.TCP_NEEDS_RAW);
      }
      return DatagramBulkTransport.open(core, spec, note);
    } catch (ErrnoException e) {
      core.close();
      throw NetworkErrors.setup("opening bulk sockets", e);
    } catch (NetworkException | RuntimeException e) {
      core.close();
      throw e;
    }
  }
}
