package dev.hoptrace.cli;

import dev.hoptrace.linux.LinuxNetwork;

/** Entry point of the hoptrace command: runs it on the kernel's network and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Hoptrace.dropping(LinuxNetwork::new, System.out, System.err).run(args));
  }
}
