package dev.hoptrace.packet;

/** Range checks for header fields handed to encoders. */
final class Fields {
  private Fields() {}

  static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " " + value + " outside 0.." + max);
    }
  }

  static void check(String name, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " " + value + " outside 0.." + max);
    }
  }
}
