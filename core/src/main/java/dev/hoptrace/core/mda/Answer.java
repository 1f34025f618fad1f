package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.Objects;

/** What came back for one probe of one flow at one TTL. */
public sealed interface Answer {
  /** No reply within the prober's wait (after its own retries, if it makes any). */
  Answer SILENT = new Silent();

  /** A router's interface said Time Exceeded: the flow's path passes it at this TTL. */
  record Router(InetAddress address) implements Answer {
    public Router {
      Objects.requireNonNull(address, "address");
    }
  }

  /** The destination answered: the flow's path ends here, so it is not probed further. */
  record Destination(InetAddress address) implements Answer {
    public Destination {
      Objects.requireNonNull(address, "address");
    }
  }

  /** Nothing answered. Use {@link #SILENT}. */
  record Silent() implements Answer {}
}
