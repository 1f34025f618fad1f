package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;

/**
 * Run by {@link UnprivilegedUserTest} in a JVM whose uid is nobody: prints what RAW and AUTO
 * sessions turn into, one line each, for the parent test to check.
 */
public final class AsNobodyMain {
  private AsNobodyMain() {}

  public static void main(String[] args) throws Exception {
    try (ProbeSession s =
        new LinuxNetwork().open(Loopback.spec("127.0.0.1", Protocol.UDP, ProbeMode.RAW))) {
      System.out.println("RAW opened " + s.info().mode());
    } catch (NetworkException e) {
      System.out.println("RAW " + e.reason() + " " + e.getMessage());
    }
    try (ProbeSession s =
        new LinuxNetwork().open(Loopback.spec("127.0.0.1", Protocol.UDP, ProbeMode.AUTO))) {
      System.out.println("AUTO opened " + s.info().mode());
    }
  }
}
