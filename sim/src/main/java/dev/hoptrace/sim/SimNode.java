package dev.hoptrace.sim;

import dev.hoptrace.scenario.Link;

/** Something at the end of a link that packets arrive at: a router, the destination, the client. */
interface SimNode {

  /** {@code packet} (whole IP datagram, owned by the node from now on) arrived over {@code via}. */
  void arrive(byte[] packet, Link via);
}
