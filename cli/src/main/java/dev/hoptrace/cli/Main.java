package dev.hoptrace.cli;

/** Entry point of the hoptrace command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("hoptrace: not yet implemented");
    System.exit(1);
  }
}
