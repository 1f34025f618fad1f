/**
 * MaxMind DB files (the {@code .mmdb} format of GeoLite2 and compatible databases), read through
 * maxmind-db and shared by the offline AS and place lookups.
 */
package dev.hoptrace.lookup.mmdb;
