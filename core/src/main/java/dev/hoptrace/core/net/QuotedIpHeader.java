package dev.hoptrace.core.net;

/**
 * Fields of the probe's own IP header as the replying router quoted it (raw mode only): they show
 * what the path did to the probe before it expired.
 *
 * @param ttl the TTL left when the router quoted the probe (normally 1; 0 or >1 hints at odd routers)
 * @param tos IPv4 TOS / IPv6 traffic class as it arrived (re-marking shows here)
 * @param ipId the IPv4 identification field, or -1 for IPv6
 */
public record QuotedIpHeader(int ttl, int tos, int ipId) {}
