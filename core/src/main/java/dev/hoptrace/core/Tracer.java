package dev.hoptrace.core;

import dev.hoptrace.core.engine.TraceEngine;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import java.util.Objects;

/**
 * Runs traces over a {@link Network}: the entry point for programs that embed hoptrace.
 *
 * <pre>{@code
 * Tracer tracer = new Tracer(new LinuxNetwork());
 * TraceResult result = tracer.trace(TraceRequest.to(address).protocol(Protocol.ICMP).build(),
 *     new TraceListener() {
 *       public void hopCompleted(Hop hop) { System.out.println(hop); }
 *     });
 * }</pre>
 */
public final class Tracer {
  private final Network network;

  public Tracer(Network network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * Traces on the calling thread until the trace ends, reporting progress to {@code listener}.
   *
   * @throws NetworkException when the sockets cannot be opened or a probe cannot be sent
   */
  public TraceResult trace(TraceRequest request, TraceListener listener) throws NetworkException {
    try (ProbeSession session = network.open(request.sessionSpec())) {
      return new TraceEngine(request, session, listener).run();
    }
  }

  /** Traces without observing progress. */
  public TraceResult trace(TraceRequest request) throws NetworkException {
    return trace(request, TraceListener.NONE);
  }
}
