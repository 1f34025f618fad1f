package dev.hoptrace.linux.ffm;

import java.io.Serial;
import java.util.Map;

/**
 * A libc call failed: names the call and the errno it left, e.g. {@code "sendto: EHOSTUNREACH (No
 * route to host)"}. Thrown at the binding boundary; sessions turn it into a user-facing {@code
 * NetworkException}.
 */
public final class ErrnoException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  private static final Map<Integer, String[]> NAMES =
      Map.ofEntries(
          Map.entry(1, new String[] {"EPERM", "Operation not permitted"}),
          Map.entry(2, new String[] {"ENOENT", "No such file or directory"}),
          Map.entry(4, new String[] {"EINTR", "Interrupted system call"}),
          Map.entry(9, new String[] {"EBADF", "Bad file descriptor"}),
          Map.entry(11, new String[] {"EAGAIN", "Resource temporarily unavailable"}),
          Map.entry(12, new String[] {"ENOMEM", "Cannot allocate memory"}),
          Map.entry(13, new String[] {"EACCES", "Permission denied"}),
          Map.entry(14, new String[] {"EFAULT", "Bad address"}),
          Map.entry(16, new String[] {"EBUSY", "Device or resource busy"}),
          Map.entry(17, new String[] {"EEXIST", "File exists"}),
          Map.entry(19, new String[] {"ENODEV", "No such device"}),
          Map.entry(22, new String[] {"EINVAL", "Invalid argument"}),
          Map.entry(24, new String[] {"EMFILE", "Too many open files"}),
          Map.entry(42, new String[] {"ENOMSG", "No message of desired type"}),
          Map.entry(71, new String[] {"EPROTO", "Protocol error"}),
          Map.entry(90, new String[] {"EMSGSIZE", "Message too long"}),
          Map.entry(92, new String[] {"ENOPROTOOPT", "Protocol not available"}),
          Map.entry(93, new String[] {"EPROTONOSUPPORT", "Protocol not supported"}),
          Map.entry(95, new String[] {"EOPNOTSUPP", "Operation not supported"}),
          Map.entry(97, new String[] {"EAFNOSUPPORT", "Address family not supported by protocol"}),
          Map.entry(98, new String[] {"EADDRINUSE", "Address already in use"}),
          Map.entry(99, new String[] {"EADDRNOTAVAIL", "Cannot assign requested address"}),
          Map.entry(100, new String[] {"ENETDOWN", "Network is down"}),
          Map.entry(101, new String[] {"ENETUNREACH", "Network is unreachable"}),
          Map.entry(104, new String[] {"ECONNRESET", "Connection reset by peer"}),
          Map.entry(105, new String[] {"ENOBUFS", "No buffer space available"}),
          Map.entry(106, new String[] {"EISCONN", "Transport endpoint is already connected"}),
          Map.entry(110, new String[] {"ETIMEDOUT", "Connection timed out"}),
          Map.entry(111, new String[] {"ECONNREFUSED", "Connection refused"}),
          Map.entry(112, new String[] {"EHOSTDOWN", "Host is down"}),
          Map.entry(113, new String[] {"EHOSTUNREACH", "No route to host"}),
          Map.entry(114, new String[] {"EALREADY", "Operation already in progress"}),
          Map.entry(115, new String[] {"EINPROGRESS", "Operation now in progress"}));

  private final String call;
  private final int errno;

  public ErrnoException(String call, int errno) {
    super(call + ": " + describe(errno));
    this.call = call;
    this.errno = errno;
  }

  /** The libc function that failed, e.g. {@code "sendto"}. */
  public String call() {
    return call;
  }

  /** The errno value the call left. */
  public int errno() {
    return errno;
  }

  /** The C name of the errno, e.g. {@code "EACCES"}, or {@code "errno 77"} when not listed. */
  public String errnoName() {
    return name(errno);
  }

  /** The C name of an errno value, e.g. {@code "EACCES"}. */
  public static String name(int errno) {
    String[] entry = NAMES.get(errno);
    return entry == null ? "errno " + errno : entry[0];
  }

  /** {@code "EACCES (Permission denied)"}. */
  public static String describe(int errno) {
    String[] entry = NAMES.get(errno);
    return entry == null ? "errno " + errno : entry[0] + " (" + entry[1] + ")";
  }
}
