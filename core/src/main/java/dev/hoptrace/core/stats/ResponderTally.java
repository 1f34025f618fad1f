package dev.hoptrace.core.stats;

import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replies per responding address, for at most a fixed number of addresses: a hop behind a load
 * balancer may show many, and a long run must not grow without bound. Replies from addresses past
 * the limit are not tallied here (the hop's totals still count them).
 */
final class ResponderTally {
  private final InetAddress[] addresses;
  private final long[] replies;
  private final IcmpExtensions[] extensions;
  private int count;

  ResponderTally(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    addresses = new InetAddress[capacity];
    replies = new long[capacity];
    extensions = new IcmpExtensions[capacity];
  }

  void add(InetAddress address, IcmpExtensions newest) {
    // A linear scan: the table holds a handful of addresses, usually one.
    for (int i = 0; i < count; i++) {
      if (addresses[i].equals(address)) {
        replies[i]++;
        extensions[i] = newest;
        return;
      }
    }
    if (count < addresses.length) {
      addresses[count] = address;
      replies[count] = 1;
      extensions[count] = newest;
      count++;
    }
  }

  int capacity() {
    return addresses.length;
  }

  /** Most replies first; equal counts keep the order in which the addresses first answered. */
  List<ResponderShare> snapshot() {
    List<ResponderShare> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new ResponderShare(addresses[i], replies[i], extensions[i]));
    }
    // List.sort is stable, and the table is in order of first appearance.
    out.sort(Comparator.comparingLong(ResponderShare::replies).reversed());
    return List.copyOf(out);
  }

  void reset() {
    for (int i = 0; i < count; i++) {
      addresses[i] = null;
      extensions[i] = null;
    }
    count = 0;
  }
}
