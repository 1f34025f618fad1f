package dev.hoptrace.linux.ffm;

/**
 * Every Linux constant hoptrace passes to or reads from the kernel, in one place.
 *
 * <p>Values are those of the asm-generic headers used by x86_64 and aarch64 (the only targets);
 * they differ on mips, sparc, alpha and parisc, which hoptrace does not pretend to support.
 */
public final class LinuxConstants {
  private LinuxConstants() {}

  // Families, types, protocols, levels (socket(2), ip(7), ipv6(7)).
  public static final int AF_UNSPEC = 0;
  public static final int AF_INET = 2;
  public static final int AF_INET6 = 10;
  public static final int SOCK_STREAM = 1;
  public static final int SOCK_DGRAM = 2;
  public static final int SOCK_RAW = 3;
  public static final int SOCK_NONBLOCK = 0x800;
  public static final int SOCK_CLOEXEC = 0x80000;
  public static final int IPPROTO_IP = 0;
  public static final int SOL_IP = 0;
  public static final int IPPROTO_ICMP = 1;
  public static final int IPPROTO_TCP = 6;
  public static final int IPPROTO_UDP = 17;
  public static final int IPPROTO_IPV6 = 41;
  public static final int SOL_IPV6 = 41;
  public static final int IPPROTO_ICMPV6 = 58;
  public static final int SOL_ICMPV6 = 58;
  public static final int IPPROTO_RAW = 255;
  public static final int SOL_RAW = 255;
  public static final int SOL_SOCKET = 1;

  // SOL_SOCKET options (socket(7)).
  public static final int SO_REUSEADDR = 2;
  public static final int SO_ERROR = 4;
  public static final int SO_RCVBUF = 8;
  public static final int SO_LINGER = 13;
  public static final int SO_BINDTODEVICE = 25;
  public static final int SO_ATTACH_FILTER = 26;
  public static final int SO_DETACH_FILTER = 27;
  public static final int SO_TIMESTAMPNS = 35;
  public static final int SCM_TIMESTAMPNS = 35;
  public static final int SO_TIMESTAMPING = 37;
  public static final int SCM_TIMESTAMPING = 37;
  public static final int SO_LOCK_FILTER = 44;

  // SO_TIMESTAMPING flags (Documentation/networking/timestamping.rst).
  public static final int SOF_TIMESTAMPING_TX_SOFTWARE = 1 << 1;
  public static final int SOF_TIMESTAMPING_RX_SOFTWARE = 1 << 3;
  public static final int SOF_TIMESTAMPING_SOFTWARE = 1 << 4;
  public static final int SOF_TIMESTAMPING_OPT_ID = 1 << 7;
  public static final int SOF_TIMESTAMPING_OPT_TSONLY = 1 << 11;
  public static final int SCM_TSTAMP_SND = 0;

  // SOL_IP options (ip(7)).
  public static final int IP_TOS = 1;
  public static final int IP_TTL = 2;
  public static final int IP_HDRINCL = 3;
  public static final int IP_MTU_DISCOVER = 10;
  public static final int IP_RECVERR = 11;
  public static final int IP_RECVTTL = 12;
  public static final int IP_RECVERR_RFC4884 = 26;
  public static final int IP_MTU = 14;
  public static final int IP_PMTUDISC_DONT = 0;
  /** DF set, path MTU cache ignored: the kernel refuses only what the interface cannot carry. */
  public static final int IP_PMTUDISC_PROBE = 3;

  // SOL_IPV6 options (ipv6(7), RFC 3542).
  public static final int IPV6_CHECKSUM = 7;
  public static final int IPV6_UNICAST_HOPS = 16;
  public static final int IPV6_MTU_DISCOVER = 23;
  public static final int IPV6_RECVERR = 25;
  public static final int IPV6_V6ONLY = 26;
  public static final int IPV6_RECVERR_RFC4884 = 31;
  public static final int IPV6_RECVHOPLIMIT = 51;
  public static final int IPV6_HOPLIMIT = 52;
  public static final int IPV6_TCLASS = 67;
  public static final int IPV6_MTU = 24;
  public static final int IPV6_PMTUDISC_DONT = 0;
  public static final int IPV6_PMTUDISC_PROBE = 3;

  // Raw filters and TCP (raw(7), icmp6(7), tcp(7)).
  public static final int ICMP_FILTER = 1;
  public static final int ICMP6_FILTER = 1;
  public static final int TCP_SYNCNT = 7;
  public static final int TCP_INFO = 11;

  // sock_extended_err (linux/errqueue.h).
  public static final int SO_EE_ORIGIN_NONE = 0;
  public static final int SO_EE_ORIGIN_LOCAL = 1;
  public static final int SO_EE_ORIGIN_ICMP = 2;
  public static final int SO_EE_ORIGIN_ICMP6 = 3;
  public static final int SO_EE_ORIGIN_TIMESTAMPING = 4;
  public static final int SO_EE_RFC4884_FLAG_INVALID = 1;

  // MSG_* flags (recv(2), send(2)).
  public static final int MSG_CTRUNC = 0x8;
  public static final int MSG_TRUNC = 0x20;
  public static final int MSG_DONTWAIT = 0x40;
  public static final int MSG_ERRQUEUE = 0x2000;
  public static final int MSG_NOSIGNAL = 0x4000;

  // epoll (epoll_ctl(2)).
  public static final int EPOLLIN = 0x1;
  public static final int EPOLLOUT = 0x4;
  public static final int EPOLLERR = 0x8;
  public static final int EPOLLHUP = 0x10;
  public static final int EPOLL_CTL_ADD = 1;
  public static final int EPOLL_CTL_DEL = 2;
  public static final int EPOLL_CTL_MOD = 3;
  public static final int EPOLL_CLOEXEC = 0x80000;

  // open(2) flags (asm-generic/fcntl.h).
  public static final int O_RDONLY = 0;
  public static final int O_RDWR = 2;
  public static final int O_NONBLOCK = 0x800;
  public static final int O_CLOEXEC = 0x80000;

  // poll(2) events.
  public static final short POLLIN = 0x1;
  public static final short POLLOUT = 0x4;
  public static final short POLLERR = 0x8;
  public static final short POLLHUP = 0x10;
  public static final short POLLNVAL = 0x20;

  // TUN/TAP (linux/if_tun.h; Documentation/networking/tuntap.rst). TUNSETIFF is
  // _IOW('T', 202, int): direction write (1 << 30) | size 4 (<< 16) | 'T' (0x54) << 8 | 202.
  public static final long TUNSETIFF = 0x400454caL;
  /** Layer 3 device: reads and writes are bare IPv4 or IPv6 packets. */
  public static final short IFF_TUN = 0x0001;
  /** No 4-byte packet-information prefix (flags, protocol) before each packet. */
  public static final short IFF_NO_PI = 0x1000;
  /** Interface names are at most 15 bytes plus the NUL (linux/if.h). */
  public static final int IFNAMSIZ = 16;

  // Namespaces (setns(2), linux/sched.h).
  public static final int CLONE_NEWNET = 0x40000000;

  // Clocks (clock_gettime(2)).
  public static final int CLOCK_REALTIME = 0;
  public static final int CLOCK_MONOTONIC = 1;

  // errno (errno(3)).
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int EMFILE = 24;
  public static final int ENOMSG = 42;
  public static final int EPROTO = 71;
  public static final int EMSGSIZE = 90;
  public static final int ENOPROTOOPT = 92;
  public static final int EPROTONOSUPPORT = 93;
  public static final int EOPNOTSUPP = 95;
  public static final int EAFNOSUPPORT = 97;
  public static final int EADDRINUSE = 98;
  public static final int EADDRNOTAVAIL = 99;
  public static final int ENETDOWN = 100;
  public static final int ENETUNREACH = 101;
  public static final int ECONNRESET = 104;
  public static final int ENOBUFS = 105;
  public static final int EISCONN = 106;
  public static final int ETIMEDOUT = 110;
  public static final int ECONNREFUSED = 111;
  public static final int EHOSTDOWN = 112;
  public static final int EHOSTUNREACH = 113;
  public static final int EALREADY = 114;
  public static final int EINPROGRESS = 115;
}
