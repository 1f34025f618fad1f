/**
 * Real test networks made of Linux network namespaces, built from a {@link
 * dev.hoptrace.scenario.Scenario}: a client, kernel routers and a destination joined by veth
 * pairs, with multipath routes and nftables rules for the scenario's behaviours ({@link
 * dev.hoptrace.lab.Lab#start(dev.hoptrace.scenario.Scenario)}; {@link
 * dev.hoptrace.lab.LinearPath} is a shorthand for a path in a row). What the kernel cannot
 * build (delay, jitter, routers that report MPLS labels) goes to an {@link
 * dev.hoptrace.lab.EmulatedLinkFactory}, by default the TUN link emulator ({@link
 * dev.hoptrace.lab.TunLinkFactory}). Used by the integration tests and the benchmarks; needs
 * root.
 *
 * <p>Everything a lab creates is named {@code ht-<runid>-…} and removed on {@link
 * dev.hoptrace.lab.Lab#close()}, on JVM shutdown, and by the stale-lab sweep of later runs. Lab
 * addresses come from ranges that cannot be mistaken for real hosts: 198.18.0.0/15 (RFC 2544
 * benchmarking) and 2001:db8::/32 (RFC 3849 documentation).
 */
package dev.hoptrace.lab;
