package dev.hoptrace.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version} and carried in JSON output. */
public final class Version implements IVersionProvider {
  public static final String NUMBER = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"hoptrace " + NUMBER + " (Java " + Runtime.version() + ")"};
  }
}
