package dev.hoptrace.sim;

import dev.hoptrace.scenario.Link;

/**
 * A packet reaching a node at a virtual time. {@code order} breaks ties between arrivals at the
 * same nanosecond in the order they were scheduled, which keeps runs deterministic.
 */
record Arrival(long at, long order, SimNode node, Link via, byte[] packet)
    implements Comparable<Arrival> {

  @Override
  public int compareTo(Arrival other) {
    int byTime = Long.compare(at, other.at);
    return byTime != 0 ? byTime : Long.compare(order, other.order);
  }
}
