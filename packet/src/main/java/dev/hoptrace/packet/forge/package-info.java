/**
 * An adversary's packets, for tests: a {@link dev.hoptrace.packet.forge.Forger} reads a host's
 * probes and builds lies about them (errors quoting other sequences, other destinations, stale or
 * cut quotes, errors about errors) and broken copies of real errors (bad checksums, lying lengths,
 * broken RFC 4884 extensions). The lab's link emulator and the simulator put one on the client's
 * link; nothing hoptrace traces with uses it. Built with this module's encoders only.
 */
package dev.hoptrace.packet.forge;
