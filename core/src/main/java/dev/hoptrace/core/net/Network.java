package dev.hoptrace.core.net;

/**
 * The network hoptrace probes through: the kernel ({@code linux}) or a simulated internet
 * ({@code sim}). Nothing in {@code core} knows which.
 */
public interface Network {

  /**
   * Opens the sockets for one trace.
   *
   * @throws NetworkException with a one-line, actionable message when the mode or protocol cannot
   *     be had (e.g. raw without CAP_NET_RAW, ping sockets closed by net.ipv4.ping_group_range)
   */
  ProbeSession open(SessionSpec spec) throws NetworkException;
}
