package dev.hoptrace.core.bulk;

/**
 * A random permutation of {@code 0..n-1} computed one element at a time, with no table: a
 * balanced four-round Feistel network over the smallest even power of two that holds n, walked
 * in cycles until the value falls inside the range (a Feistel network is a bijection on its
 * domain, and cycle walking keeps it one on the subrange). Yarrp permutes its (target, TTL) space
 * with a block cipher for the same reason: consecutive probes go to unrelated destinations, so no
 * prefix and no router sees them in a burst, and nothing grows with n.
 */
public final class FeistelPermutation {
  private static final int ROUNDS = 4;
  private final long n;
  private final int halfBits;
  private final long halfMask;
  private final long[] keys = new long[ROUNDS];

  public FeistelPermutation(long n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("a permutation needs at least one element, got " + n);
    }
    this.n = n;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    long s = seed;
    for (int i = 0; i < ROUNDS; i++) {
      s = mix(s + 0x9e3779b97f4a7c15L);
      keys[i] = s;
    }
  }

  public long size() {
    return n;
  }

  /** The element at position {@code i} of the permutation. */
  public long at(long i) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException(i);
    }
    long x = i;
    // Each walk step leaves the domain of size < 4n with probability < 3/4: a few steps on average.
    do {
      x = encrypt(x);
    } while (x >= n);
    return x;
  }

  private long encrypt(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : keys) {
      long next = left ^ (mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  /** SplitMix64's finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
