/**
 * What hoptrace learns about hop addresses besides the trace itself: reverse names ({@code dns}),
 * AS numbers ({@code asn}) and places ({@code geo}). Every lookup is asynchronous, bounded in time
 * and cached ({@link dev.hoptrace.lookup.LookupCache}); every string from a network or a file is
 * made printable ({@link dev.hoptrace.lookup.PrintableText}) before anyone sees it.
 */
package dev.hoptrace.lookup;
