package dev.hoptrace.core.net;

import java.io.Serial;

/**
 * A failure of the network layer that the user can act on. The message is one line that says what
 * happened and what to do, e.g. "cannot open an ICMP ping socket: net.ipv4.ping_group_range ...".
 */
public class NetworkException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why the failure happened, so callers can pick an exit code or a fallback. */
  public enum Reason {
    /** The process lacks a privilege or a sysctl forbids the socket kind. */
    PERMISSION,
    /** No route to the destination, network down, address not available. */
    UNREACHABLE,
    /** The platform cannot do this at all (not Linux, no error queue, ...). */
    UNSUPPORTED,
    /** Anything else: an unexpected errno. */
    OTHER
  }

  private final Reason reason;

  public NetworkException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public NetworkException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
