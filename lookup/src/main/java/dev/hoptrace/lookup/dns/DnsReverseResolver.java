package dev.hoptrace.lookup.dns;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * PTR lookups through dnsjava: hosts file first, then one asynchronous query, bounded in time.
 *
 * <p>The future of every {@link #lookup} completes within the configured timeout of the call, with
 * a sanitised name or empty, so a renderer may simply wait for it. The bound is enforced here, not
 * left to dnsjava, whose timeouts are checked by a selector that wakes only once a second. Names of
 * loopback, link-local, unspecified and multicast addresses come from the hosts file or not at all;
 * no query leaves the machine for them.
 */
public final class DnsReverseResolver implements ReverseResolver {

  /** Long enough for a healthy recursive resolver, short enough not to hold up a hop line. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * When this system property is {@code true}, building a resolver from the system configuration
   * fails. The test build sets it so that no test can query the machine's real resolver.
   */
  public static final String FORBID_SYSTEM_CONFIG = "hoptrace.dns.forbid-system-config";

  private final NameServerSet servers;
  private final HostsFile hosts;
  private final Duration timeout;

  private DnsReverseResolver(NameServerSet servers, HostsFile hosts, Duration timeout) {
    this.servers = servers;
    this.hosts = hosts;
    this.timeout = timeout;
  }

  /** Starts a builder: system servers, {@code /etc/hosts} and {@link #DEFAULT_TIMEOUT}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<Optional<String>> lookup(InetAddress address) {
    Objects.requireNonNull(address, "address");
    Optional<String> listed = hosts.nameOf(address);
    if (listed.isPresent() || LocalOnlyAddresses.contains(address)) {
      return CompletableFuture.completedFuture(listed);
    }
    // Everything else runs on a pool thread: dnsjava opens and registers a socket per query (and
    // loads its classes on first use), which the caller, the engine thread, must not wait for.
    return CompletableFuture.supplyAsync(() -> ask(address))
        .thenCompose(pending -> pending)
        .exceptionally(failure -> Optional.empty())
        .completeOnTimeout(Optional.empty(), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private CompletableFuture<Optional<String>> ask(InetAddress address) {
    Name question = ReverseMap.fromAddress(address);
    Message query =
        Message.newQuery(org.xbill.DNS.Record.newRecord(question, Type.PTR, DClass.IN));
    return servers.send(query).thenApply(response -> PtrAnswer.target(response, question)
        .map(DnsNames::sanitise)
        .filter(text -> !text.isEmpty()));
  }

  /** The per-lookup bound this resolver keeps. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "DnsReverseResolver[" + servers.size() + " server(s), timeout=" + timeout + "]";
  }

  /** Chooses servers, timeout and hosts file; unset parts come from the system. */
  public static final class Builder extends ServerChoice<Builder> {
    private Path hostsFile = Path.of("/etc/hosts");

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Reads names from {@code path} instead of {@code /etc/hosts}. */
    public Builder hostsFile(Path path) {
      this.hostsFile = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Reads no hosts file at all. */
    public Builder noHostsFile() {
      this.hostsFile = null;
      return this;
    }

    /** Reads the hosts file and, unless servers were given, {@code /etc/resolv.conf}. */
    public DnsReverseResolver build() {
      HostsFile hosts = hostsFile == null ? HostsFile.empty() : HostsFile.read(hostsFile);
      var resolver = new DnsReverseResolver(NameServerSet.of(servers, timeout), hosts, timeout);
      warmUp();
      return resolver;
    }

    /**
     * Pays one-time costs (class loading, the common pool and timer threads) now, at start-up, so
     * that the first lookup on the engine thread returns as quickly as the others. Sends nothing.
     */
    private static void warmUp() {
      Name loopback = ReverseMap.fromAddress(InetAddress.getLoopbackAddress());
      Message.newQuery(org.xbill.DNS.Record.newRecord(loopback, Type.PTR, DClass.IN));
      LocalOnlyAddresses.contains(InetAddress.getLoopbackAddress());
      CompletableFuture.supplyAsync(Optional::empty)
          .thenCompose(CompletableFuture::completedFuture)
          .exceptionally(failure -> Optional.empty())
          .completeOnTimeout(Optional.empty(), 1, TimeUnit.NANOSECONDS)
          .join();
    }
  }
}
