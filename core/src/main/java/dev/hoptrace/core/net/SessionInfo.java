package dev.hoptrace.core.net;

import java.net.InetAddress;

/**
 * What an opened session turned out to be: the header line tells the user this.
 *
 * @param mode the mode obtained (never {@link ProbeMode#AUTO})
 * @param description how probes are sent and received, e.g. "UDP with IP_RECVERR error queue"
 * @param limitation what this mode cannot see, or empty, e.g. "cannot see the quoted IP header"
 * @param localAddress the source address probes carry (best knowledge; may be the wildcard)
 * @param seesQuotedIpHeader whether replies carry the quoted IP header (TTL, TOS, IP ID)
 */
public record SessionInfo(
    ProbeMode mode,
    String description,
    String limitation,
    InetAddress localAddress,
    boolean seesQuotedIpHeader) {}
