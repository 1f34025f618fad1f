package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.SessionSpec;

/** Opens raw-socket sessions when the process may. */
final class RawSessions {
  private RawSessions() {}

  /**
   * @param required true for {@code RAW} (failure is an error), false for {@code AUTO} (failure
   *     means "fall back to unprivileged", signalled by null)
   */
  static ProbeSession tryOpen(SessionSpec spec, IcmpExtensionDecoder extensions, boolean required)
      throws NetworkException {
    if (required) {
      throw LinuxNetwork.unsupported("raw mode is not implemented yet; use --mode unprivileged");
    }
    return null;
  }
}
