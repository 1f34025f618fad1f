package dev.hoptrace.cli;

/** The version printed by {@code --version} and carried in JSON output. */
public final class Version {
  public static final String NUMBER = "0.1.0";

  private Version() {}

  /** What {@code hoptrace --version} prints. */
  static String line() {
    return "hoptrace " + NUMBER + " (Java " + Runtime.version() + ")";
  }
}
