package dev.hoptrace.lab.emulator;

import dev.hoptrace.lab.LabException;
import dev.hoptrace.lab.emulator.Leg.Side;
import dev.hoptrace.linux.ffm.ErrnoException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A running emulated link between two network namespaces: two TUN devices, one in each, and a
 * platform thread that carries packets between them through delay, jitter, loss and MTU, or
 * through a {@link RouterHop}. Build one with {@link #between}; {@link #close()} stops the thread
 * and removes both interfaces. If the JVM dies first the kernel closes the descriptors, which
 * removes the interfaces just the same.
 */
public final class LinkEmulator implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Map<Side, TunDevice> devices;
  private final Forwarder forwarder;
  private final Thread thread;
  private final Counters counters;
  private final Lateness lateness;
  private boolean closed;

  private LinkEmulator(Map<Side, TunDevice> devices, Forwarder forwarder, Thread thread,
      Counters counters, Lateness lateness) {
    this.devices = devices;
    this.forwarder = forwarder;
    this.thread = thread;
    this.counters = counters;
    this.lateness = lateness;
  }

  /** Starts describing a link from {@code a} to {@code b}; nothing exists until {@code start}. */
  public static Builder between(LinkEnd a, LinkEnd b) {
    return new Builder(a, b);
  }

  /** How many packets met {@code count} so far. */
  public long count(Count count) {
    return counters.get(count);
  }

  /**
   * How late the {@code q}-quantile (0..1) of delayed packets left the timer queue, to 10 µs:
   * the emulator's own share of any delay error.
   */
  public Duration lateness(double q) {
    return lateness.quantile(q);
  }

  /** True while the forwarding thread runs. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops forwarding and removes both interfaces; packets still in flight are lost.
   *
   * @throws LabException after cleaning up, when the forwarding thread had died of an error
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    forwarder.stop();
    try {
      thread.join(STOP_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Closing under a still-running loop makes its ppoll report POLLNVAL and end it.
    devices.values().forEach(TunDevice::close);
    Throwable failure = forwarder.failure();
    if (failure != null) {
      throw new LabException("link emulator " + thread.getName() + " failed: " + failure, failure);
    }
  }

  /** What the link does; {@link #start()} makes it. */
  public static final class Builder {
    private final LinkEnd a;
    private final LinkEnd b;
    private final Map<Leg, LinkProfile> profiles = new EnumMap<>(Leg.class);
    private RouterHop router;
    private long seed = 1;

    private Builder(LinkEnd a, LinkEnd b) {
      this.a = Objects.requireNonNull(a, "a");
      this.b = Objects.requireNonNull(b, "b");
      for (Leg leg : Leg.values()) {
        profiles.put(leg, LinkProfile.PERFECT);
      }
    }

    /** The same profile both ways. */
    public Builder link(LinkProfile both) {
      return link(both, both);
    }

    /** The link next to end A (the whole link when there is no router hop). */
    public Builder link(LinkProfile aToB, LinkProfile bToA) {
      profiles.put(Leg.A_TO_HOP, aToB);
      profiles.put(router == null ? Leg.B_TO_HOP : Leg.HOP_TO_A, bToA);
      return this;
    }

    /**
     * Makes the middle of the link a router hop. Call before {@link #link} and {@link #farLink}
     * so the profiles land on the right side of it.
     */
    public Builder router(RouterHop hop) {
      if (router == null && !profiles.get(Leg.B_TO_HOP).equals(LinkProfile.PERFECT)) {
        throw new IllegalStateException("call router(...) before link(...)");
      }
      this.router = Objects.requireNonNull(hop, "hop");
      return this;
    }

    /** With a router hop: the link between it and end B, the same both ways. */
    public Builder farLink(LinkProfile both) {
      return farLink(both, both);
    }

    /** With a router hop: the link between it and end B. */
    public Builder farLink(LinkProfile aToB, LinkProfile bToA) {
      if (router == null) {
        throw new IllegalStateException("farLink needs a router hop; use link(...) alone");
      }
      profiles.put(Leg.HOP_TO_B, aToB);
      profiles.put(Leg.B_TO_HOP, bToA);
      return this;
    }

    /** Seeds loss and jitter (default 1): the same seed and traffic give the same pattern. */
    public Builder seed(long newSeed) {
      this.seed = newSeed;
      return this;
    }

    /**
     * Creates both TUN devices in this process's namespace, moves and configures them, and
     * starts forwarding. Fails with a {@link LabException}, leaving nothing behind, when not
     * root, without {@code /dev/net/tun}, or when a namespace does not exist.
     */
    public LinkEmulator start() {
      Map<Side, TunDevice> devices = new EnumMap<>(Side.class);
      try {
        String tag = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        for (Side side : Side.values()) {
          TunDevice device = TunDevice.create("htun" + tag + side.name().toLowerCase());
          devices.put(side, device);
          TunPlacement.place(device, side == Side.A ? a : b);
        }
        SplittableRandom root = new SplittableRandom(seed);
        Map<Leg, LinkDirection> legs = new EnumMap<>(Leg.class);
        for (Leg leg : Leg.values()) {
          legs.put(leg, new LinkDirection(profiles.get(leg), root.split()));
        }
        Hop hop = router == null ? new Hop.PlainLink() : new RouterHopResponder(router);
        Counters counters = new Counters();
        Lateness lateness = new Lateness();
        Forwarder forwarder = new Forwarder(devices, legs, hop, counters, lateness);
        Thread thread = Thread.ofPlatform().daemon(true)
            .name("hoptrace-link-" + a.namespace() + "-" + b.namespace())
            .start(forwarder);
        return new LinkEmulator(devices, forwarder, thread, counters, lateness);
      } catch (ErrnoException e) {
        devices.values().forEach(TunDevice::close);
        throw new LabException("cannot create a TUN device (root and /dev/net/tun needed): "
            + e.getMessage(), e);
      } catch (RuntimeException e) {
        devices.values().forEach(TunDevice::close);
        throw e;
      }
    }
  }
}
