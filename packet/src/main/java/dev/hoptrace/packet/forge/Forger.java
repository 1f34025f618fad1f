package dev.hoptrace.packet.forge;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensionLocator;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The lies an adversary on the wire next to a host tells that host (see {@link ForgeryPlan}):
 * for each probe the host sends, errors that quote plausible probes but not that one, and for
 * each real error coming back, broken copies to deliver ahead of it. Its lies are as plausible as
 * it can make them: right addresses, ports, identifiers, quoted TTL 1, valid checksums unless
 * the lie is the checksum. The lab's link emulator and the simulator put it on the client's link.
 * Not thread-safe: one wire, one caller.
 */
public final class Forger {
  private static final int LIE_TTL = 64;
  /** Probes kept for {@link Forgery#STALE}; more than a trace of a few hops sends in 3 s. */
  private static final int REMEMBERED = 512;
  private static final IcmpExtensions LABEL =
      new IcmpExtensions(List.of(new MplsLabelStackEntry(16_061, 0, true, 1)), List.of(),
          List.of());

  private final ForgeryPlan plan;
  private final LongSupplier clock;
  private final ArrayDeque<Seen> recent = new ArrayDeque<>();
  private int identification;

  private record Seen(long at, Datagram probe) {}

  /** @param clock nanoseconds, for the age of {@link Forgery#STALE} probes */
  public Forger(ForgeryPlan plan, LongSupplier clock) {
    this.plan = plan;
    this.clock = clock;
  }

  /**
   * The lies to tell the host about a packet it sent, in {@link Forgery} order; none when the
   * packet is no probe (a UDP or TCP segment, an echo request).
   */
  public List<byte[]> aboutProbe(byte[] packet) {
    List<byte[]> lies = new ArrayList<>();
    try {
      Datagram d = Datagram.decode(packet);
      if (d.isProbe()) {
        aboutProbe(d.withTtl1(), lies);
        remember(d.withTtl1());
      }
    } catch (MalformedPacketException e) {
      // not something to lie about
    }
    return lies;
  }

  /**
   * Broken copies of a packet coming to the host, to deliver before it, in {@link Forgery}
   * order; none when it is no Destination Unreachable or Time Exceeded.
   */
  public List<byte[]> aheadOf(byte[] packet) {
    List<byte[]> lies = new ArrayList<>();
    try {
      Datagram d = Datagram.decode(packet);
      if (d.isIcmpError()) {
        aboutError(d, lies);
      }
    } catch (MalformedPacketException e) {
      // not something to copy
    }
    return lies;
  }

  private void aboutProbe(Datagram probe, List<byte[]> lies) {
    InetAddress liar = liar(probe);
    for (Forgery f : Forgery.values()) { // in declaration order, for counts tests can predict
      if (!plan.forgeries().contains(f)) {
        continue;
      }
      switch (f) {
        case WRONG_SEQUENCE -> lies.add(timeExceeded(liar, probe, probe.otherSequence().bytes()));
        case WRONG_SEQUENCE_FROM_DESTINATION -> lies.add(portUnreachable(probe.destination(),
            probe, probe.otherSequence().bytes()));
        case WRONG_DESTINATION ->
            lies.add(timeExceeded(liar, probe, probe.toDestination(liar).bytes()));
        case STALE -> {
          Datagram stale = stale(probe.version());
          if (stale != null) {
            lies.add(timeExceeded(liar, probe, stale.bytes()));
          }
        }
        case TRUNCATED_QUOTE -> lies.add(timeExceeded(liar, probe,
            Arrays.copyOf(probe.bytes(), probe.transportOffset() + 4)));
        case ERROR_QUOTING_ERROR -> lies.add(timeExceeded(liar, probe, errorAbout(probe)));
        default -> { } // the others mangle real errors
      }
    }
  }

  private void aboutError(Datagram error, List<byte[]> lies) {
    InetAddress liar = liar(error);
    byte[] icmp = error.transport();
    for (Forgery f : Forgery.values()) { // in declaration order, for counts tests can predict
      if (!plan.forgeries().contains(f)) {
        continue;
      }
      switch (f) {
        case BAD_CHECKSUM -> {
          byte[] bad = resummed(icmp.clone(), liar, error);
          Wire.put16(bad, 2, Wire.u16(bad, 2) ^ 0x0101);
          lies.add(packet(liar, error.destination(), bad));
        }
        case LYING_ICMP_LENGTH -> {
          byte[] bad = icmp.clone();
          Wire.put8(bad, error.version() == 4 ? 5 : 4, 0xff); // 255 words: past the end
          lies.add(packet(error.source(), error.destination(),
              resummed(bad, error.source(), error)));
        }
        case LYING_QUOTED_LENGTH -> {
          byte[] bad = icmp.clone();
          if (icmp.length >= 8 + 8) {
            // IPv4 total length 8 (< its 20-byte header); IPv6 payload length 0 (no transport)
            Wire.put16(bad, 8 + (error.version() == 4 ? 2 : 4), error.version() == 4 ? 8 : 0);
            lies.add(packet(error.source(), error.destination(),
                resummed(bad, error.source(), error)));
          }
        }
        case LYING_IP_LENGTH -> {
          byte[] bad = packet(liar, error.destination(), resummed(icmp.clone(), liar, error));
          // The IP length ends the packet 12 bytes into the quote: the kernel cuts it there.
          if (error.version() == 4) {
            Wire.put16(bad, 2, Ipv4Header.MIN_LENGTH + 8 + 12);
            Wire.put16(bad, 10, 0);
            Wire.put16(bad, 10, Checksum.of(bad, 0, Ipv4Header.MIN_LENGTH));
          } else {
            Wire.put16(bad, 4, 8 + 12);
          }
          lies.add(bad);
        }
        case BAD_EXTENSION_CHECKSUM -> lies.add(withBrokenExtension(error, false));
        case BAD_EXTENSION_SIZE -> lies.add(withBrokenExtension(error, true));
        default -> { } // the others answer probes
      }
    }
  }

  /**
   * The real error with an MPLS extension added and broken, from the real sender: true in all
   * but its extension. The quote is cut or padded to 128 bytes, as RFC 4884 §4.1 asks.
   */
  private byte[] withBrokenExtension(Datagram error, boolean size) {
    byte[] icmp = error.transport();
    byte[] quote = Arrays.copyOfRange(icmp, 8, icmp.length);
    int type = Wire.u8(icmp, 0);
    int code = Wire.u8(icmp, 1);
    byte[] out = error.version() == 4
        ? IcmpErrorEncoder.icmpV4(type, code, 0, quote, LABEL, true)
        : IcmpErrorEncoder.icmpV6((Inet6Address) error.source(),
            (Inet6Address) error.destination(), type, code, 0, quote, LABEL, true);
    int ext = 8 + IcmpExtensionLocator.MIN_ORIGINAL_DATAGRAM;
    if (size) {
      Wire.put16(out, ext + 4, 0x100); // the object runs 256 bytes past a 12-byte structure
      Wire.put16(out, ext + 2, 0);
      Wire.put16(out, ext + 2, Checksum.of(out, ext, out.length - ext));
    } else {
      Wire.put16(out, ext + 2, Wire.u16(out, ext + 2) ^ 0x00ff);
    }
    return packet(error.source(), error.destination(), resummed(out, error.source(), error));
  }

  /** The ICMP / ICMPv6 checksum of {@code icmp} as sent from {@code source} to the error's destination. */
  private static byte[] resummed(byte[] icmp, InetAddress source, Datagram about) {
    Wire.put16(icmp, 2, 0);
    Wire.put16(icmp, 2, about.version() == 4
        ? Checksum.of(icmp, 0, icmp.length)
        : Checksum.transport(source, about.destination(), Ipv6Header.NEXT_HEADER_ICMPV6, icmp,
            0, icmp.length));
    return icmp;
  }

  /** The probe as the client's kernel would answer it with Time Exceeded: an error about an error. */
  private static byte[] errorAbout(Datagram probe) {
    byte[] t = probe.bytes();
    int rest = (int) Wire.u32(t, probe.transportOffset() + 4); // e.g. the echo id and sequence
    if (probe.version() == 4) {
      byte[] icmp = IcmpErrorEncoder.icmpV4(IcmpV4.TIME_EXCEEDED, 0, rest, t, IcmpExtensions.NONE,
          true);
      return IcmpErrorEncoder.ipv4Packet((Inet4Address) probe.source(),
          (Inet4Address) probe.destination(), 1, 1, icmp);
    }
    byte[] icmp = IcmpErrorEncoder.icmpV6((Inet6Address) probe.source(),
        (Inet6Address) probe.destination(), IcmpV6.TIME_EXCEEDED, 0, rest, t,
        IcmpExtensions.NONE, true);
    return new Ipv6Header(0, 0, icmp.length, Ipv6Header.NEXT_HEADER_ICMPV6, 1,
        (Inet6Address) probe.source(), (Inet6Address) probe.destination()).encodeWith(icmp);
  }

  private byte[] timeExceeded(InetAddress from, Datagram probe, byte[] quote) {
    int type = probe.version() == 4 ? IcmpV4.TIME_EXCEEDED : IcmpV6.TIME_EXCEEDED;
    return error(from, probe, type, 0, quote);
  }

  private byte[] portUnreachable(InetAddress from, Datagram probe, byte[] quote) {
    return probe.version() == 4
        ? error(from, probe, IcmpV4.DESTINATION_UNREACHABLE, 3, quote)
        : error(from, probe, IcmpV6.DESTINATION_UNREACHABLE, 4, quote);
  }

  private byte[] error(InetAddress from, Datagram probe, int type, int code, byte[] quote) {
    byte[] icmp = probe.version() == 4
        ? IcmpErrorEncoder.icmpV4(type, code, 0, quote, IcmpExtensions.NONE, true)
        : IcmpErrorEncoder.icmpV6((Inet6Address) from, (Inet6Address) probe.source(), type, code,
            0, quote, IcmpExtensions.NONE, true);
    return packet(from, probe.source(), icmp);
  }

  private byte[] packet(InetAddress from, InetAddress to, byte[] icmp) {
    if (from instanceof Inet4Address v4) {
      identification = (identification + 1) & 0xffff;
      return IcmpErrorEncoder.ipv4Packet(v4, (Inet4Address) to, LIE_TTL, identification, icmp);
    }
    return new Ipv6Header(0, 0, icmp.length, Ipv6Header.NEXT_HEADER_ICMPV6, LIE_TTL,
        (Inet6Address) from, (Inet6Address) to).encodeWith(icmp);
  }

  private InetAddress liar(Datagram about) {
    return about.version() == 4 ? plan.liarV4() : plan.liarV6();
  }

  private void remember(Datagram probe) {
    recent.addLast(new Seen(clock.getAsLong(), probe));
    if (recent.size() > REMEMBERED) {
      recent.removeFirst();
    }
  }

  /** The newest probe at least {@link ForgeryPlan#staleAfter} old, or null. */
  private Datagram stale(int version) {
    long cutoff = clock.getAsLong() - plan.staleAfter().toNanos();
    for (Iterator<Seen> it = recent.descendingIterator(); it.hasNext(); ) {
      Seen s = it.next();
      if (s.at() - cutoff <= 0 && s.probe().version() == version) {
        return s.probe();
      }
    }
    return null;
  }
}
