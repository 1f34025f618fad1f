package dev.hoptrace.lookup.asn;

import dev.hoptrace.lookup.dns.NameServerSet;
import dev.hoptrace.lookup.dns.ServerChoice;
import dev.hoptrace.lookup.dns.NameServers;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * AS numbers from Team Cymru's IP-to-ASN service over DNS: one TXT query for the origin (number,
 * prefix, country, registry), then one for the AS name, through the same name servers and with the
 * same per-lookup bound as reverse names.
 *
 * <p>The future of every {@link #lookup} completes within the timeout, with whatever is known by
 * then: an origin whose name did not arrive in time comes without a name. Special-purpose addresses
 * (private, documentation, benchmarking, ...) are never asked about; they belong to no AS and the
 * question would only leak which private networks a trace crossed. AS names are remembered per
 * number for the life of the resolver (bounded), since many hops share one AS.
 */
public final class CymruAsnResolver implements AsnResolver {

  /** Two queries, one after the other, each normally a few milliseconds from a warm resolver. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  static final String ORIGIN_ZONE = "origin.asn.cymru.com.";
  static final String ORIGIN6_ZONE = "origin6.asn.cymru.com.";
  static final String AS_ZONE = "asn.cymru.com.";
  private static final int MAX_NAMES = 1024;

  private final NameServerSet servers;
  private final Duration timeout;
  private final Map<Long, CompletableFuture<Optional<String>>> names; // guarded by itself

  private CymruAsnResolver(NameServerSet servers, Duration timeout) {
    this.servers = servers;
    this.timeout = timeout;
    this.names = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<Optional<String>>> e) {
        return size() > MAX_NAMES;
      }
    };
  }

  /** Starts a builder: the system's name servers and {@link #DEFAULT_TIMEOUT}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<Optional<AsInfo>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (SpecialPurposeAddresses.contains(address)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    var result = new CompletableFuture<Optional<AsInfo>>();
    var known = new CompletableFuture<AsInfo>(); // the origin, once it is in
    // At the deadline, whatever is known is the answer: an origin without its name beats nothing.
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() ->
        result.complete(Optional.ofNullable(known.getNow(null))));
    // A pool thread builds and sends the query: dnsjava registers a socket per query, which the
    // caller (the engine thread) must not wait for.
    CompletableFuture.supplyAsync(() -> ask(originName(address)))
        .thenCompose(texts -> texts)
        .thenApply(CymruRecords::origin)
        .thenCompose(origin -> {
          if (origin.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.<AsInfo>empty());
          }
          known.complete(origin.get());
          return name(origin.get().number()).thenApply(n -> origin.map(o -> o.withName(n.orElse(""))));
        })
        .whenComplete((info, failure) ->
            result.complete(failure == null ? info : Optional.ofNullable(known.getNow(null))));
    return result;
  }

  /** The (remembered) name of AS {@code number}; a lookup that found none is forgotten. */
  private CompletableFuture<Optional<String>> name(long number) {
    CompletableFuture<Optional<String>> pending;
    synchronized (names) {
      pending = names.get(number);
      if (pending == null) {
        pending = ask(asName(number)).thenApply(CymruRecords::asName)
            .exceptionally(failure -> Optional.empty());
        names.put(number, pending);
        pending.thenAccept(found -> {
          if (found.isEmpty()) {
            synchronized (names) {
              names.remove(number);
            }
          }
        });
      }
    }
    return pending.copy();
  }

  private CompletableFuture<List<String>> ask(Name question) {
    Message query = Message.newQuery(org.xbill.DNS.Record.newRecord(question, Type.TXT, DClass.IN));
    return servers.send(query).thenApply(response -> CymruRecords.texts(response, question));
  }

  /**
   * {@code 4.3.2.1.origin.asn.cymru.com} for 1.2.3.4, or the 32 reversed nibbles of an IPv6 address
   * under {@code origin6.asn.cymru.com}, like a PTR name under in-addr.arpa / ip6.arpa.
   */
  static Name originName(InetAddress address) {
    byte[] b = address.getAddress();
    StringBuilder name = new StringBuilder();
    if (address instanceof Inet4Address) {
      for (int i = 3; i >= 0; i--) {
        name.append(b[i] & 0xff).append('.');
      }
      return parse(name.append(ORIGIN_ZONE).toString());
    }
    String hex = HexFormat.of().formatHex(b);
    for (int i = hex.length() - 1; i >= 0; i--) {
      name.append(hex.charAt(i)).append('.');
    }
    return parse(name.append(ORIGIN6_ZONE).toString());
  }

  /** {@code AS64500.asn.cymru.com}. */
  static Name asName(long number) {
    return parse("AS" + number + "." + AS_ZONE);
  }

  private static Name parse(String text) {
    try {
      return Name.fromString(text);
    } catch (TextParseException e) {
      throw new IllegalStateException("built an invalid DNS name: " + text, e);
    }
  }

  /** The per-lookup bound this resolver keeps. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "CymruAsnResolver[" + servers.size() + " server(s), timeout=" + timeout + "]";
  }

  /** Chooses servers and timeout; unset parts come from the system. */
  public static final class Builder extends ServerChoice<Builder> {

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Reads {@code /etc/resolv.conf} unless servers were given. */
    public CymruAsnResolver build() {
      var resolver = new CymruAsnResolver(NameServerSet.of(servers, timeout), timeout);
      // One-time costs (class loading, pool threads) now, not on the first hop. Sends nothing.
      Message.newQuery(org.xbill.DNS.Record.newRecord(asName(0), Type.TXT, DClass.IN));
      SpecialPurposeAddresses.contains(InetAddress.getLoopbackAddress());
      CompletableFuture.supplyAsync(Optional::empty).join();
      return resolver;
    }
  }
}
