/**
 * RFC 4884 ICMP extension structures with RFC 4950 MPLS label stacks and RFC 5837 interface
 * information: decoder, encoder, and the locator that finds a structure in a whole message.
 */
package dev.hoptrace.packet.ext;
