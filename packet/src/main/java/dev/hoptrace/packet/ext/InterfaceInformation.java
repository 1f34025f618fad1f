package dev.hoptrace.packet.ext;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RFC 5837 interface information: which interface of the replying router a probe met.
 *
 * @param role 0 incoming, 1 sub-IP, 2 outgoing, 3 next hop (RFC 5837 §4.1)
 * @param ifIndex the interface index, when present
 * @param address an IP address of the interface, when present
 * @param name the interface name, when present
 * @param mtu the interface MTU, when present
 */
public record InterfaceInformation(
    int role,
    OptionalInt ifIndex,
    Optional<InetAddress> address,
    Optional<String> name,
    OptionalInt mtu) {}
