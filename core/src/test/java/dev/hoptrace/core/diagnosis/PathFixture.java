package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.core.stats.RttSummary;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a path of hop snapshots directly, TTL by TTL from 1, every hop with the same number of
 * probes sent: {@code PathFixture.probes(10).clean(5).answering(6).destination(10).hops()}.
 */
final class PathFixture {
  private final long sent;
  private final List<HopSnapshot> hops = new ArrayList<>();

  private PathFixture(long sent) {
    this.sent = sent;
  }

  static PathFixture probes(long sent) {
    return new PathFixture(sent);
  }

  static InetAddress router(int ttl) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 198, 18, (byte) ttl, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code count} hops answering every probe. */
  PathFixture clean(int count) {
    for (int i = 0; i < count; i++) {
      answering(sent);
    }
    return this;
  }

  PathFixture answering(long received) {
    return add(received, "", false);
  }

  PathFixture silent() {
    return add(0, "", false);
  }

  PathFixture annotated(long received, String annotation) {
    return add(received, annotation, false);
  }

  PathFixture destination(long received) {
    return add(received, "", true);
  }

  List<HopSnapshot> hops() {
    return List.copyOf(hops);
  }

  private PathFixture add(long received, String annotation, boolean destination) {
    int ttl = hops.size() + 1;
    hops.add(snapshot(ttl, sent, received, annotation, destination));
    return this;
  }

  static HopSnapshot snapshot(int ttl, long sent, long received, String annotation,
      boolean destination) {
    boolean answered = received > 0;
    RttSummary rtt = answered ? new RttSummary(ttl, ttl, ttl, ttl, 0) : RttSummary.NONE;
    List<ResponderShare> responders = answered
        ? List.of(new ResponderShare(router(ttl), received, IcmpExtensions.NONE))
        : List.of();
    return new HopSnapshot(ttl, sent, received, rtt, JitterSummary.NONE, 0, 0, responders,
        List.of(), annotation, destination);
  }
}
