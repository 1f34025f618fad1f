package dev.hoptrace.lab;

import java.util.Objects;

/**
 * How to build a lab beyond what its scenario says.
 *
 * @param pingGroupOpen whether the client's {@code net.ipv4.ping_group_range} admits every
 *     group (ping sockets for unprivileged users) or keeps the kernel default {@code "1 0"}
 * @param emulator builds the links the kernel cannot ({@link TunLinkFactory} by default; {@link
 *     EmulatedLinkFactory#NONE} refuses them)
 */
public record LabOptions(boolean pingGroupOpen, EmulatedLinkFactory emulator) {
  /** Ping sockets open, the TUN link emulator for delay, jitter and MPLS routers. */
  public static final LabOptions DEFAULT = new LabOptions(true, TunLinkFactory.INSTANCE);

  public LabOptions {
    Objects.requireNonNull(emulator, "emulator");
  }

  public LabOptions withEmulator(EmulatedLinkFactory factory) {
    return new LabOptions(pingGroupOpen, factory);
  }
}
