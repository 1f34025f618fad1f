package dev.hoptrace.core.diagnosis;

import java.net.InetAddress;

/**
 * The result of probing a hop's own address directly (echo requests, not expiring probes): a router
 * that answers these while dropping its Time Exceeded messages rate-limits ICMP errors, it does
 * not lose traffic.
 *
 * @param ttl the hop
 * @param address the hop's address that was probed
 * @param sent echo requests sent
 * @param answered echo replies received
 */
public record DirectCheck(int ttl, InetAddress address, int sent, int answered) {

  public double lossPercent() {
    return sent == 0 ? 0 : 100.0 * (sent - answered) / sent;
  }
}
