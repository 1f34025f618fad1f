/**
 * A link emulator made of two TUN devices and one Java thread, for what this kernel cannot do
 * with veths ({@code tc netem} is not built in) and what Linux routers never send (Time Exceeded
 * with RFC 4884 / RFC 4950 MPLS extensions). Needs root.
 *
 * <h2>A plain link</h2>
 *
 * <pre>{@code
 * try (LinkEmulator link = LinkEmulator.between(
 *         LinkEnd.of(nsA, "eth0", new LinkEnd.Address(a4, 24), new LinkEnd.Address(a6, 64)),
 *         LinkEnd.of(nsB, "eth0", new LinkEnd.Address(b4, 24), new LinkEnd.Address(b6, 64)))
 *     .link(LinkProfile.delay(Duration.ofMillis(20)).withJitter(Duration.ofMillis(1))
 *         .withLoss(0.01).withMtu(1400))            // or link(aToB, bToA)
 *     .seed(1)
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The devices are created in this process's namespace, moved with {@code ip link set DEV
 * netns NS}, renamed, given their MTU and addresses, and brought up; routes are the caller's.
 * Each direction has its own {@link dev.hoptrace.lab.emulator.LinkProfile}: delay, uniform jitter
 * (never below zero), seeded random loss, and an MTU above which packets are dropped (make it
 * lower than the interfaces' MTU to emulate a narrower link inside the path). Packets never
 * overtake each other in one direction: with jitter wider than the packet spacing, delays bunch up
 * instead of reordering. Reordering, duplication, corruption, rate limits and IPv4 fragmentation
 * are not emulated.
 *
 * <h2>An MPLS router hop</h2>
 *
 * <p>With {@link dev.hoptrace.lab.emulator.LinkEmulator.Builder#router} the middle of the link
 * becomes one router hop with an address on each side: it answers packets arriving with TTL / hop
 * limit ≤ 1 with Time Exceeded from its address facing the sender, quoting the packet as received
 * and carrying the configured MPLS label stack in an RFC 4884 extension structure; it answers
 * packets longer than the far link's MTU with Fragmentation Needed (IPv4, DF set) or Packet Too
 * Big; it forwards everything else with TTL / hop limit one lower (IPv4 header checksum
 * recomputed). It does not answer ICMP errors, non-first fragments, multicast or link-local
 * traffic, and drops packets addressed to itself (no echo replies, no Port Unreachable).
 *
 * <p>How a scenario maps onto it: a router with {@code mpls:} is a label-switching router, which
 * in a path is a transit hop with exactly two neighbours. The lab builds no namespace for it.
 * Its two scenario links become one emulator between the neighbours' namespaces: {@code link(...)}
 * is the scenario link toward the client (delay, jitter, loss, MTU), {@code farLink(...)} the one
 * toward the destination, and the hop's faces take the router's addresses from the address plan
 * (198.18.i.2 facing the client on link i, 198.18.j.1 facing onward on link j, and the same in
 * 2001:db8:0:i::/64). The neighbours keep their usual addresses and routes "via" the router's
 * address, which work unchanged on a point-to-point TUN. The hop count and the addresses a
 * traceroute sees are those of the scenario; only the ICMP gains the label stack. MPLS routers
 * next to each other are consecutive hops of one emulator ({@code .router(p1).farLink(l3)
 * .router(p2).farLink(l4)}). A router with {@code mpls:} and more than two links, or with
 * {@code nat}, {@code filter} or {@code balance}, cannot be emulated this way; the lab refuses
 * it ({@code dev.hoptrace.lab.TunLinkFactory} builds the rest).
 *
 * <h2>Threads and cleanup</h2>
 *
 * <p>One platform thread per emulator waits in {@code ppoll(2)} on both devices with a nanosecond
 * timeout to the next due packet. Packets in flight wait in a preallocated ring per direction
 * (512 KB, 4096 packets; a full ring drops, counted as {@code QUEUE_FULL}), so a plain link
 * allocates nothing per packet. {@link dev.hoptrace.lab.emulator.LinkEmulator#close()} stops it
 * and closes both descriptors, which removes both interfaces; so does the kernel when the JVM
 * dies. Namespaces belong to the caller.
 */
package dev.hoptrace.lab.emulator;
