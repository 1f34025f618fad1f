/**
 * Whole ICMP and ICMPv6 messages as raw sockets deliver them, and ICMP errors built the way a
 * Linux router builds them.
 */
package dev.hoptrace.packet.icmp;
