package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The leading part of {@code struct tcp_info} (linux/tcp.h, <a
 * href="https://man7.org/linux/man-pages/man7/tcp.7.html">tcp(7)</a> TCP_INFO) up to {@code
 * tcpi_total_retrans}; the kernel copies no more than the length it is given, so a prefix is safe.
 */
public final class TcpInfo {
  private TcpInfo() {}

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("state_to_wscale"),
          JAVA_INT.withName("tcpi_rto"),
          JAVA_INT.withName("tcpi_ato"),
          JAVA_INT.withName("tcpi_snd_mss"),
          JAVA_INT.withName("tcpi_rcv_mss"),
          JAVA_INT.withName("tcpi_unacked"),
          JAVA_INT.withName("tcpi_sacked"),
          JAVA_INT.withName("tcpi_lost"),
          JAVA_INT.withName("tcpi_retrans"),
          JAVA_INT.withName("tcpi_fackets"),
          JAVA_INT.withName("tcpi_last_data_sent"),
          JAVA_INT.withName("tcpi_last_ack_sent"),
          JAVA_INT.withName("tcpi_last_data_recv"),
          JAVA_INT.withName("tcpi_last_ack_recv"),
          JAVA_INT.withName("tcpi_pmtu"),
          JAVA_INT.withName("tcpi_rcv_ssthresh"),
          JAVA_INT.withName("tcpi_rtt"),
          JAVA_INT.withName("tcpi_rttvar"),
          JAVA_INT.withName("tcpi_snd_ssthresh"),
          JAVA_INT.withName("tcpi_snd_cwnd"),
          JAVA_INT.withName("tcpi_advmss"),
          JAVA_INT.withName("tcpi_reordering"),
          JAVA_INT.withName("tcpi_rcv_rtt"),
          JAVA_INT.withName("tcpi_rcv_space"),
          JAVA_INT.withName("tcpi_total_retrans"));

  /** {@code offsetof(struct tcp_info, tcpi_rtt)} as glibc and the kernel have it. */
  public static final long EXPECTED_RTT_OFFSET = 68;

  public static final long RTT = LAYOUT.byteOffset(groupElement("tcpi_rtt"));

  /** {@code TCP_ESTABLISHED} and {@code TCP_CLOSE_WAIT} in include/net/tcp_states.h. */
  private static final int ESTABLISHED = 1;
  private static final int CLOSE_WAIT = 8;

  /**
   * The handshake completed: {@code tcpi_state} (the first byte) is TCP_ESTABLISHED, or
   * TCP_CLOSE_WAIT when the destination already accepted and closed the connection (its FIN can
   * arrive before the probe's socket is looked at; such a probe was answered all the same).
   */
  public static boolean established(MemorySegment info) {
    int state = info.get(JAVA_BYTE, 0);
    return state == ESTABLISHED || state == CLOSE_WAIT;
  }

  /** {@code offsetof(struct tcp_info, tcpi_total_retrans)}. */
  public static final long EXPECTED_TOTAL_RETRANS_OFFSET = 100;

  public static final long TOTAL_RETRANS = LAYOUT.byteOffset(groupElement("tcpi_total_retrans"));

  /** Segments the kernel sent again on this socket; for a probe, a retransmitted SYN. */
  public static int totalRetransmissions(MemorySegment info) {
    return info.get(JAVA_INT, TOTAL_RETRANS);
  }

  /** The smoothed RTT in microseconds; after a handshake it is the SYN → SYN-ACK sample. */
  public static int rttMicros(MemorySegment info) {
    return info.get(JAVA_INT, RTT);
  }
}
