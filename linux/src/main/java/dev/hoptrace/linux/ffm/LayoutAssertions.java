package dev.hoptrace.linux.ffm;

import java.lang.foreign.MemoryLayout;

/**
 * Start-up check that every hand-written struct layout has the size glibc gives it on LP64 Linux.
 * A mismatch means the bindings would read garbage, so it stops hoptrace before any socket exists.
 */
public final class LayoutAssertions {
  private LayoutAssertions() {}

  /** Throws {@link IllegalStateException} naming the first struct whose size is wrong. */
  public static void check() {
    expect("struct sockaddr_in", SockAddr.IN_LAYOUT, 16);
    expect("struct sockaddr_in6", SockAddr.IN6_LAYOUT, 28);
    expect("struct iovec", MsgHdr.IOVEC_LAYOUT, 16);
    expect("struct msghdr", MsgHdr.LAYOUT, 56);
    expect("struct mmsghdr", MessageVector.LAYOUT, 64);
    expect("struct cmsghdr", ControlMessages.CMSGHDR_LAYOUT, 16);
    expect("struct sock_extended_err", SockExtendedErr.LAYOUT, 16);
    expect("struct timespec", Timespec.LAYOUT, 16);
    expect("struct epoll_event", EpollEvent.LAYOUT, EpollEvent.EXPECTED_SIZE);
    expect("struct sock_filter", SockFilter.INSTRUCTION_LAYOUT, 8);
    expect("struct sock_fprog", SockFilter.PROGRAM_LAYOUT, 16);
    expect("struct linger", Linger.LAYOUT, 8);
    expect("struct ifreq", IfReq.LAYOUT, 40);
    if (IfReq.FLAGS != 16) {
      throw new IllegalStateException("ifreq.ifr_flags at " + IfReq.FLAGS + ", kernel has 16");
    }
    expect("struct pollfd", PollFd.LAYOUT, 8);
    expect("struct scm_timestamping", ControlMessages.SCM_TIMESTAMPING_SIZE, 48);
    if (TcpInfo.TOTAL_RETRANS != TcpInfo.EXPECTED_TOTAL_RETRANS_OFFSET) {
      throw new IllegalStateException("tcp_info.tcpi_total_retrans at " + TcpInfo.TOTAL_RETRANS
          + ", kernel has 100");
    }
    if (TcpInfo.RTT != TcpInfo.EXPECTED_RTT_OFFSET) {
      throw new IllegalStateException("tcp_info.tcpi_rtt at " + TcpInfo.RTT + ", kernel has 68");
    }
  }

  private static void expect(String name, MemoryLayout layout, long size) {
    expect(name, layout.byteSize(), size);
  }

  private static void expect(String name, long actual, long size) {
    if (actual != size) {
      throw new IllegalStateException(name + " layout is " + actual + " bytes, glibc has " + size);
    }
  }
}
