package dev.hoptrace.core.net;

/**
 * A probe that left: its wire identity and when it left.
 *
 * @param key the identity its replies will quote
 * @param sentAt send time on the session clock, nanoseconds (kernel transmit timestamp where the
 *     session has one, else read just before the send call)
 */
public record SentProbe(WireKey key, long sentAt) {}
