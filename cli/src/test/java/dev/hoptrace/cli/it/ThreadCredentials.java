package dev.hoptrace.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials of every thread of a running process, as the kernel shows them in {@code
 * /proc/PID/task/TID/status} (Linux keeps them per thread; {@code /proc/PID/status} is the first
 * thread's).
 */
record ThreadCredentials(String name, int uid, int gid, long effective, long permitted,
    boolean noNewPrivs) {

  static final long CAP_NET_RAW = 1L << 13;

  /** Every thread of {@code pid} still alive while it was read; empty once the process is gone. */
  static List<ThreadCredentials> of(long pid) {
    List<ThreadCredentials> threads = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          threads.add(parse(Files.readString(task.resolve("status"))));
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return threads;
  }

  /** The first thread's, from {@code /proc/PID/status}. */
  static ThreadCredentials leader(long pid) throws IOException {
    return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
  }

  private static ThreadCredentials parse(String status) {
    String name = "";
    int uid = -1;
    int gid = -1;
    long effective = -1;
    long permitted = -1;
    boolean noNewPrivs = false;
    for (String line : status.lines().toList()) {
      String[] f = line.split("\\s+");
      switch (f[0]) {
        case "Name:" -> name = line.substring(5).strip();
        case "Uid:" -> uid = Integer.parseInt(f[2]); // effective
        case "Gid:" -> gid = Integer.parseInt(f[2]);
        case "CapEff:" -> effective = Long.parseUnsignedLong(f[1], 16);
        case "CapPrm:" -> permitted = Long.parseUnsignedLong(f[1], 16);
        case "NoNewPrivs:" -> noNewPrivs = f[1].equals("1");
        default -> { }
      }
    }
    return new ThreadCredentials(name, uid, gid, effective, permitted, noNewPrivs);
  }
}
