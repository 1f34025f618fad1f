package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.LibcCredentials;
import dev.hoptrace.linux.ffm.LibcCredentials.CapabilitySets;
import dev.hoptrace.linux.ffm.LinuxConstants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Gives up the privileges a trace no longer needs, as ping and tcpdump do: a process started as
 * root (or with file capabilities) needs {@code CAP_NET_RAW} to open raw sockets and nothing else.
 *
 * <p>{@link #keepOnlyRawSockets} runs before any probe socket is opened, on the thread that starts
 * the others: it sets {@code no_new_privs}, empties the ambient set, shrinks the bounding set to
 * {@code CAP_NET_RAW}, becomes the invoking user when started through sudo ({@code SUDO_UID},
 * {@code SUDO_GID}), and keeps {@code CAP_NET_RAW} alone in the effective and permitted sets.
 * {@link #dropAll} then gives up that one too, once the last raw socket is open. A plain user
 * without capabilities has nothing to give up, and nothing is changed for them.
 *
 * <p>Linux keeps credentials per thread. The change of user id reaches every thread (glibc makes
 * each one call {@code setresuid}, and the kernel clears the capabilities of every thread that
 * leaves uid 0 without {@code PR_SET_KEEPCAPS}); {@code capset} and {@code prctl} reach the
 * calling thread and the threads it starts afterwards only. As root without sudo, threads the JVM
 * started before (its compiler, collector, the launcher's first thread) therefore keep theirs.
 */
public final class PrivilegeDrop {
  static final int CAP_SETPCAP = 8;
  static final int CAP_NET_RAW = 13;

  private static final int PR_SET_KEEPCAPS = 8;
  private static final int PR_CAPBSET_DROP = 24;
  private static final int PR_SET_NO_NEW_PRIVS = 38;
  private static final int PR_CAP_AMBIENT = 47;
  private static final int PR_CAP_AMBIENT_CLEAR_ALL = 4;

  private final Map<String, String> environment;

  /** @param environment where {@code SUDO_UID} and {@code SUDO_GID} are looked up */
  public PrivilegeDrop(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** What is left after a step, for the header of {@code -v} and for tests. */
  public record Left(int uid, long effective, long permitted) {
    public boolean holdsRawSockets() {
      return (effective & bit(CAP_NET_RAW)) != 0;
    }
  }

  /**
   * Keeps {@code CAP_NET_RAW} if held and nothing else; becomes the sudo user if started through
   * sudo as root.
   *
   * @throws ErrnoException naming the call the kernel refused
   */
  public Left keepOnlyRawSockets() throws ErrnoException {
    return limitTo(bit(CAP_NET_RAW));
  }

  /** Gives up every capability; after {@link #keepOnlyRawSockets} this is the last step. */
  public Left dropAll() throws ErrnoException {
    return limitTo(0);
  }

  private Left limitTo(long wanted) throws ErrnoException {
    int uid = LibcCredentials.getuid();
    CapabilitySets before;
    try {
      before = LibcCredentials.capget();
    } catch (ErrnoException e) {
      if (uid != 0) {
        return new Left(uid, 0, 0); // a sandbox that hides capabilities from a plain user
      }
      throw e;
    }
    if (before.permitted() == 0 && uid != 0) {
      return new Left(uid, 0, 0); // a plain user: nothing to give up, nothing to change
    }
    long keep = wanted & before.permitted();
    LibcCredentials.prctl(PR_SET_NO_NEW_PRIVS, 1, 0);
    try {
      LibcCredentials.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0);
    } catch (ErrnoException e) {
      if (e.errno() != LinuxConstants.EINVAL) { // kernels before 4.3 have no ambient set
        throw e;
      }
    }
    if ((before.effective() & bit(CAP_SETPCAP)) != 0) {
      for (int cap = 0; cap <= lastCapability(); cap++) {
        if ((keep & bit(cap)) == 0) {
          LibcCredentials.prctl(PR_CAPBSET_DROP, cap, 0);
        }
      }
    }
    Optional<int[]> sudo = sudoUser();
    if (sudo.isPresent() && uid == 0) {
      if (keep != 0) {
        LibcCredentials.prctl(PR_SET_KEEPCAPS, 1, 0); // this thread only; the rest lose all
      }
      LibcCredentials.clearGroups();
      LibcCredentials.setresgid(sudo.get()[1]);
      LibcCredentials.setresuid(sudo.get()[0]);
      if (keep != 0) {
        LibcCredentials.prctl(PR_SET_KEEPCAPS, 0, 0);
      }
    }
    LibcCredentials.capset(new CapabilitySets(keep, keep, 0));
    CapabilitySets after = LibcCredentials.capget();
    return new Left(LibcCredentials.getuid(), after.effective(), after.permitted());
  }

  /** The invoking user's uid and gid when sudo started us, unless that user is root. */
  private Optional<int[]> sudoUser() {
    try {
      int uid = Integer.parseInt(environment.getOrDefault("SUDO_UID", ""));
      int gid = Integer.parseInt(environment.getOrDefault("SUDO_GID", ""));
      return uid > 0 && gid >= 0 ? Optional.of(new int[] {uid, gid}) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The highest capability this kernel knows; 40 (CAP_CHECKPOINT_RESTORE) if it cannot say. */
  private static int lastCapability() {
    try {
      return Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/cap_last_cap")).strip());
    } catch (IOException | NumberFormatException e) {
      return 40;
    }
  }

  private static long bit(int capability) {
    return 1L << capability;
  }
}
