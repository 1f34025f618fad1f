package dev.hoptrace.lab.emulator;

/** What a {@link LinkEmulator} counts, for tests and for explaining a surprising run. */
public enum Count {
  /** Packets read from either TUN device. */
  RECEIVED,
  /** Packets written into either TUN device, router answers included. */
  DELIVERED,
  /** Packets lost on purpose (the profile's loss). */
  LOST,
  /** Packets longer than a leg's MTU, dropped without an answer. */
  TOO_BIG_DROPPED,
  /** Fragmentation Needed / Packet Too Big answers the router hop sent. */
  TOO_BIG_ANSWERED,
  /** Time Exceeded answers the router hop sent. */
  TIME_EXCEEDED_SENT,
  /**
   * Packets the router hop neither forwards nor may answer: expiring ICMP errors, multicast,
   * link-local, packets addressed to the hop itself.
   */
  NOT_FORWARDED,
  /** Packets that were not IPv4 or IPv6 or whose header did not decode. */
  MALFORMED,
  /** Packets dropped because a leg already held as many bytes or packets as it can. */
  QUEUE_FULL,
  /** Forged or mangled packets a {@link ForgingTap} sent toward either end. */
  FORGED,
  /** Writes the kernel refused ({@code EAGAIN}), each a lost packet. */
  WRITE_REFUSED
}
