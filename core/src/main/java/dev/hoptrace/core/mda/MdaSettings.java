package dev.hoptrace.core.mda;

/**
 * How a multipath trace runs.
 *
 * @param variant classic MDA (node control at every vertex) or MDA-Lite (whole hops first)
 * @param confidence per-vertex confidence of the stopping rule, e.g. 0.95 or 0.99
 * @param firstTtl first TTL probed; the hop before it is the unknown source side
 * @param maxTtl last TTL probed
 * @param gapLimit silent hops in a row after which a branch (and, when every branch went silent,
 *     the trace) is given up
 * @param maxProbes probes in total; when the algorithm wants more, it stops and says so
 */
public record MdaSettings(
    Variant variant, double confidence, int firstTtl, int maxTtl, int gapLimit, int maxProbes) {

  /** Which algorithm. */
  public enum Variant {
    /** Multipath Detection Algorithm with node control, hop by hop. */
    MDA,
    /** MDA-Lite: whole-hop probing, a meshing test, full MDA only where the test asks for it. */
    MDA_LITE
  }

  /** scamper tracelb's defaults: 95 %, gap limit 3, at most 3000 probes; TTL 1 to 30. */
  public static final MdaSettings DEFAULTS = new MdaSettings(Variant.MDA, 0.95, 1, 30, 3, 3000);

  public MdaSettings {
    if (variant == null) {
      throw new IllegalArgumentException("variant is required (MDA or MDA_LITE)");
    }
    StoppingRule.of(confidence); // validates, with its own message
    if (firstTtl < 1 || maxTtl > 255 || firstTtl > maxTtl) {
      throw new IllegalArgumentException(
          "TTLs must satisfy 1 <= first <= max <= 255, not first " + firstTtl + ", max " + maxTtl);
    }
    if (gapLimit < 1) {
      throw new IllegalArgumentException("gap limit must be at least 1, not " + gapLimit);
    }
    if (maxProbes < 1) {
      throw new IllegalArgumentException("probe budget must be at least 1, not " + maxProbes);
    }
  }

  public MdaSettings withVariant(Variant value) {
    return new MdaSettings(value, confidence, firstTtl, maxTtl, gapLimit, maxProbes);
  }

  public MdaSettings withConfidence(double value) {
    return new MdaSettings(variant, value, firstTtl, maxTtl, gapLimit, maxProbes);
  }

  public MdaSettings withTtls(int first, int max) {
    return new MdaSettings(variant, confidence, first, max, gapLimit, maxProbes);
  }

  public MdaSettings withGapLimit(int value) {
    return new MdaSettings(variant, confidence, firstTtl, maxTtl, value, maxProbes);
  }

  public MdaSettings withMaxProbes(int value) {
    return new MdaSettings(variant, confidence, firstTtl, maxTtl, gapLimit, value);
  }
}
