/**
 * Places (country, city) of hop addresses from an offline MaxMind DB file: {@link
 * dev.hoptrace.lookup.geo.MaxMindGeoResolver} behind a {@link
 * dev.hoptrace.lookup.geo.CachingGeoResolver}. Nothing here sends a packet.
 */
package dev.hoptrace.lookup.geo;
