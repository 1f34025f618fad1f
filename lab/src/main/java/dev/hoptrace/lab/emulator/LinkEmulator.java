package dev.hoptrace.lab.emulator;

import dev.hoptrace.lab.LabException;
import dev.hoptrace.lab.emulator.Leg.Side;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.packet.forge.ForgeryPlan;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
    /** Per segment (see {@link Leg}): the profile toward B, then toward A. */
    private final List<LinkProfile[]> segments = new ArrayList<>();
    private final List<RouterHop> routers = new ArrayList<>();
    private ForgeryPlan tap;
    private long seed = 1;

    private Builder(LinkEnd a, LinkEnd b) {
      this.a = Objects.requireNonNull(a, "a");
      this.b = Objects.requireNonNull(b, "b");
      segments.add(new LinkProfile[] {LinkProfile.PERFECT, LinkProfile.PERFECT});
    }

    /** The same profile both ways. */
    public Builder link(LinkProfile both) {
      return link(both, both);
    }

    /** The link next to end A (the whole link when there is no router hop). */
    public Builder link(LinkProfile aToB, LinkProfile bToA) {
      segments.set(0, profiles(aToB, bToA));
      return this;
    }

    /**
     * Adds a router hop after the ones added so far, with a perfect link after it until {@link
     * #farLink} says otherwise. Several hops in a row make a path of routers, each with its own
     * addresses, labels and links (MPLS routers next to each other).
     */
    public Builder router(RouterHop hop) {
      routers.add(Objects.requireNonNull(hop, "hop"));
      segments.add(new LinkProfile[] {LinkProfile.PERFECT, LinkProfile.PERFECT});
      return this;
    }

    /** With a router hop: the link after the last one added so far, the same both ways. */
    public Builder farLink(LinkProfile both) {
      return farLink(both, both);
    }

    /** With a router hop: the link after the last one added so far (toward end B). */
    public Builder farLink(LinkProfile aToB, LinkProfile bToA) {
      if (routers.isEmpty()) {
        throw new IllegalStateException("farLink needs a router hop; use link(...) alone");
      }
      segments.set(segments.size() - 1, profiles(aToB, bToA));
      return this;
    }

    private static LinkProfile[] profiles(LinkProfile aToB, LinkProfile bToA) {
      return new LinkProfile[] {Objects.requireNonNull(aToB, "aToB"),
          Objects.requireNonNull(bToA, "bToA")};
    }

    /**
     * Puts a forger on the wire right next to end A, before everything else: it forwards every
     * packet unchanged and tells end A the plan's lies about what end A sends (see {@link
     * ForgeryPlan}). It is no hop: a trace from A sees the same path with or without it.
     */
    public Builder tapNearA(ForgeryPlan plan) {
      this.tap = Objects.requireNonNull(plan, "plan");
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
        List<LinkProfile[]> all = new ArrayList<>(segments);
        List<Hop> hops = new ArrayList<>();
        if (tap != null) { // a perfect wire from A to the tap, then the link as described
          all.addFirst(new LinkProfile[] {LinkProfile.PERFECT, LinkProfile.PERFECT});
          hops.add(new ForgingTap(tap));
        }
        List<LinkDirection> directions = new ArrayList<>();
        for (LinkProfile[] segment : all) {
          for (LinkProfile profile : segment) { // toward B, then toward A: Leg.index() order
            directions.add(new LinkDirection(profile, root.split()));
          }
        }
        routers.forEach(r -> hops.add(new RouterHopResponder(r)));
        Counters counters = new Counters();
        Lateness lateness = new Lateness();
        Forwarder forwarder = new Forwarder(devices, directions, hops, counters, lateness);
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
