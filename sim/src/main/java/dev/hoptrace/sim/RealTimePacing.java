package dev.hoptrace.sim;

import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import java.util.Objects;

/**
 * A simulated network that keeps step with the wall clock, for people watching it: the live view
 * of a scenario shows rounds a second apart, not a day of rounds in a second. Virtual time is
 * never let run more than {@link #STEP_NANOS} ahead of real time; RTTs stay the scenario's.
 */
public final class RealTimePacing implements Network {
  static final long STEP_NANOS = 10_000_000L;

  private final SimulatedNetwork network;
  private final long virtualStart;
  private final long realStart;

  public RealTimePacing(SimulatedNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
    this.virtualStart = network.now();
    this.realStart = System.nanoTime();
  }

  @Override
  public ProbeSession open(SessionSpec spec) throws NetworkException {
    return new Paced(network.open(spec));
  }

  /** Virtual time that corresponds to now on the wall clock. */
  private long virtualNowByWallClock() {
    return virtualStart + (System.nanoTime() - realStart);
  }

  private final class Paced implements ProbeSession {
    private final ProbeSession session;

    Paced(ProbeSession session) {
      this.session = session;
    }

    @Override
    public SessionInfo info() {
      return session.info();
    }

    @Override
    public long now() {
      return session.now();
    }

    @Override
    public SentProbe send(OutgoingProbe probe) throws NetworkException {
      return session.send(probe);
    }

    /** Moves virtual time at most one step past the wall clock, sleeping until it may. */
    @Override
    public void receive(long deadline, ReplySink sink) throws NetworkException {
      long ahead = session.now() - virtualNowByWallClock();
      if (ahead > 0) {
        try {
          Thread.sleep(ahead / 1_000_000L, (int) (ahead % 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      session.receive(Math.min(deadline, virtualNowByWallClock() + STEP_NANOS), sink);
    }

    @Override
    public void release(SentProbe probe) {
      session.release(probe);
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
