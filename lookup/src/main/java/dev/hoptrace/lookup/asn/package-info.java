/**
 * AS numbers of hop addresses: from Team Cymru's DNS service ({@link
 * dev.hoptrace.lookup.asn.CymruAsnResolver}), or offline from a MaxMind DB file ({@link
 * dev.hoptrace.lookup.asn.MaxMindAsnResolver}) or an iptoasn.com table ({@link
 * dev.hoptrace.lookup.asn.IpToAsnTable}); {@link dev.hoptrace.lookup.asn.AsnFiles} opens either
 * kind of file by its content. {@link dev.hoptrace.lookup.asn.CachingAsnResolver} adds the cache
 * and the time bound. Every {@link dev.hoptrace.lookup.asn.AsInfo} is printable, whatever its
 * source said.
 */
package dev.hoptrace.lookup.asn;
