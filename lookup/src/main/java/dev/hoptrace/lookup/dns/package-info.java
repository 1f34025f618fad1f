/**
 * Reverse DNS for hop addresses: asynchronous, bounded in time, cached, and sanitised for display.
 *
 * <p>Start with {@link dev.hoptrace.lookup.dns.ReverseResolver#system(java.time.Duration)} (the
 * system's resolver configuration behind a cache) or {@link
 * dev.hoptrace.lookup.dns.DnsReverseResolver#builder()} to choose servers, timeout and hosts file.
 * Every name handed out has been through {@link dev.hoptrace.lookup.dns.DnsNames#sanitise(String)}.
 */
package dev.hoptrace.lookup.dns;
