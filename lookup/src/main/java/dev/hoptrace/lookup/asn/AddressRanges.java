package dev.hoptrace.lookup.asn;

import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sorted, non-overlapping address ranges of one family, each with its AS, searched by binary
 * search. An address is held as two unsigned 64-bit words (an IPv4 address in the low one).
 */
final class AddressRanges {
  private final int bits;
  private final long[] startHi;
  private final long[] startLo;
  private final long[] endHi;
  private final long[] endLo;
  private final AsInfo[] info;

  private AddressRanges(int bits, List<Row> rows) {
    this.bits = bits;
    int n = rows.size();
    startHi = new long[n];
    startLo = new long[n];
    endHi = new long[n];
    endLo = new long[n];
    info = new AsInfo[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      startHi[i] = r.startHi;
      startLo[i] = r.startLo;
      endHi[i] = r.endHi;
      endLo[i] = r.endLo;
      info[i] = r.info;
    }
  }

  int size() {
    return info.length;
  }

  Optional<AsInfo> find(byte[] address) {
    long hi = high(address);
    long lo = low(address);
    int low = 0;
    int high = info.length - 1;
    int candidate = -1; // the last range starting at or before the address
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (compare(startHi[mid], startLo[mid], hi, lo) <= 0) {
        candidate = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (candidate < 0 || compare(hi, lo, endHi[candidate], endLo[candidate]) > 0) {
      return Optional.empty();
    }
    AsInfo as = info[candidate];
    String prefix = cidr(candidate);
    return Optional.of(prefix.isEmpty() ? as
        : new AsInfo(as.number(), prefix, as.country(), as.registry(), as.name()));
  }

  /** The range as {@code network/length} when it is exactly one CIDR block, else "". */
  private String cidr(int i) {
    long xh = startHi[i] ^ endHi[i];
    long xl = startLo[i] ^ endLo[i];
    boolean lowMask = xh == 0 ? (xl & (xl + 1)) == 0 : xl == -1L && (xh & (xh + 1)) == 0;
    boolean aligned = (startHi[i] & xh) == 0 && (startLo[i] & xl) == 0
        && (endHi[i] & xh) == xh && (endLo[i] & xl) == xl;
    if (!lowMask || !aligned) {
      return "";
    }
    int length = bits - Long.bitCount(xh) - Long.bitCount(xl);
    return Prefixes.of(address(startHi[i], startLo[i], bits), length);
  }

  /** The address whose bits are {@code hi:lo}, right-aligned ({@code bits} long). */
  private static InetAddress address(long hi, long lo, int bits) {
    byte[] b = new byte[bits / 8];
    for (int k = 0; k < b.length; k++) {
      int shift = 8 * (b.length - 1 - k); // position from the right end
      b[k] = (byte) (shift >= 64 ? hi >>> (shift - 64) : lo >>> shift);
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // a 4- or 16-byte array is always an address
    }
  }

  private static int compare(long aHi, long aLo, long bHi, long bLo) {
    int hi = Long.compareUnsigned(aHi, bHi);
    return hi != 0 ? hi : Long.compareUnsigned(aLo, bLo);
  }

  /** The upper 64 bits of a 16-byte address; 0 for a 4-byte one. */
  private static long high(byte[] b) {
    return b.length == 16 ? word(b, 0) : 0;
  }

  private static long low(byte[] b) {
    return b.length == 16 ? word(b, 8) : word(b, 0);
  }

  private static long word(byte[] b, int from) {
    long value = 0;
    for (int i = from; i < Math.min(b.length, from + 8); i++) {
      value = value << 8 | (b[i] & 0xff);
    }
    return value;
  }

  private record Row(long startHi, long startLo, long endHi, long endLo, AsInfo info) {}

  /** Collects rows, then sorts them and checks that no two overlap. */
  static final class Builder {
    private final int bits;
    private final List<Row> rows = new ArrayList<>();

    Builder(int bits) {
      this.bits = bits;
    }

    void add(byte[] start, byte[] end, AsInfo info) {
      Row row = new Row(high(start), low(start), high(end), low(end), info);
      if (compare(row.startHi, row.startLo, row.endHi, row.endLo) > 0) {
        throw new IllegalArgumentException("range ends before it starts");
      }
      rows.add(row);
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    AddressRanges build() {
      rows.sort((a, b) -> compare(a.startHi, a.startLo, b.startHi, b.startLo));
      for (int i = 1; i < rows.size(); i++) {
        Row before = rows.get(i - 1);
        Row row = rows.get(i);
        if (compare(row.startHi, row.startLo, before.endHi, before.endLo) <= 0) {
          throw new IllegalArgumentException("ranges overlap at "
              + AddressText.of(address(row.startHi, row.startLo, bits))
              + " (rows must be disjoint, as in the iptoasn.com files)");
        }
      }
      return new AddressRanges(bits, rows);
    }
  }
}
