/**
 * A simulated internet implementing the {@code Network} SPI in virtual time, built from a
 * {@code dev.hoptrace.scenario.Scenario}. {@link dev.hoptrace.sim.SimulatedNetwork} is the entry
 * point.
 *
 * <p>Every probe is the packet a Linux host would send for the session kind; every router
 * (SimRouter) forwards it as Linux does and answers with ICMP built by the packet module's
 * {@code IcmpErrorEncoder}; replies cross the links back and are decoded by the session from their
 * bytes. Links delay, jitter and lose packets per direction (LinkModel); routers rate-limit their
 * ICMP (TokenBucket), balance per flow (FlowHash) or per packet, masquerade (Masquerade), filter,
 * and refuse packets too big for the next link. The only events are packet arrivals in one
 * priority queue (Internet); the clock (VirtualClock) jumps from one to the next.
 *
 * <p>The client's stack (ClientStack) demultiplexes as Linux does and checks first what Linux
 * checks (KernelInput): the IP length, the ICMP checksum (an AF_INET raw socket gets its copy
 * before that check), and that an error for a connected socket quotes its connection. A forger
 * may sit on the client's link ({@link dev.hoptrace.sim.SimulatedNetwork#withForgerOnClientLink}).
 */
package dev.hoptrace.sim;
