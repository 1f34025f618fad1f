package dev.hoptrace.lookup.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;

/**
 * Asks name servers in order, starting the next one when the previous is silent for a while or
 * fails, and takes the first usable answer.
 *
 * <p>dnsjava's {@code ExtendedResolver} moves on only when a query times out inside dnsjava, which
 * notices timeouts when its selector wakes, up to a second late; with a one-second budget the
 * second server would never be asked. Here the hand-over happens on our own schedule instead, and
 * a slow first server may still win the race after the second one was asked.
 *
 * <p>Shared by every lookup that speaks DNS (reverse names, Team Cymru's AS records), so that all of
 * them honour the same server choice and the same guard against the system configuration in tests.
 */
public final class NameServerSet {

  /** As many servers as {@code resolv.conf} uses (MAXNS in resolv.h). */
  static final int MAX_SERVERS = 3;

  /**
   * The servers at {@code addresses}, or those of the system configuration when the list is empty,
   * each given a share of {@code timeout} before the next one is asked.
   */
  public static NameServerSet of(List<InetSocketAddress> addresses, Duration timeout) {
    List<InetSocketAddress> chosen = addresses.isEmpty() ? systemServers() : addresses;
    List<Resolver> simple = new ArrayList<>();
    for (InetSocketAddress address : chosen) {
      SimpleResolver one = new SimpleResolver(address);
      one.setTimeout(timeout);
      simple.add(one);
    }
    // Each server gets a share of the budget, so a silent first one leaves time for the others.
    int asked = Math.min(simple.size(), MAX_SERVERS);
    return new NameServerSet(simple, timeout.dividedBy(Math.max(1, asked)));
  }

  /**
   * The servers of the system configuration. On Linux that is {@code /etc/resolv.conf}, which
   * {@code ip netns exec} replaces by {@code /etc/netns/NAME/resolv.conf} in a namespace.
   */
  private static List<InetSocketAddress> systemServers() {
    if (Boolean.getBoolean(DnsReverseResolver.FORBID_SYSTEM_CONFIG)) {
      throw new IllegalStateException("the system DNS configuration is forbidden here ("
          + DnsReverseResolver.FORBID_SYSTEM_CONFIG + "=true); give a server explicitly");
    }
    return ResolverConfig.getCurrentConfig().servers();
  }

  private final List<Resolver> servers;
  private final Duration stagger;

  /** Asks {@code servers} (at most the first three), each {@code stagger} after the previous. */
  NameServerSet(List<Resolver> servers, Duration stagger) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no name server to ask");
    }
    this.servers = List.copyOf(servers.subList(0, Math.min(servers.size(), MAX_SERVERS)));
    this.stagger = stagger;
  }

  public int size() {
    return servers.size();
  }

  /** The first usable response; fails only when every server failed. */
  public CompletableFuture<Message> send(Message query) {
    var attempt = new Attempt(query);
    attempt.next();
    return attempt.result;
  }

  /** One query's progress through the servers. */
  private final class Attempt {
    final CompletableFuture<Message> result = new CompletableFuture<>();
    private final Message query;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    Attempt(Message query) {
      this.query = query;
    }

    /** Starts the next server, if any is left and no answer came yet. */
    void next() {
      int index = started.getAndIncrement();
      if (index >= servers.size() || result.isDone()) {
        return;
      }
      if (index + 1 < servers.size()) {
        Executor later = CompletableFuture.delayedExecutor(stagger.toNanos(), TimeUnit.NANOSECONDS);
        later.execute(this::next);
      }
      servers.get(index).sendAsync(query.clone()).whenComplete((response, failure) -> {
        if (response != null && usable(response)) {
          result.complete(response);
        } else if (failed.incrementAndGet() == servers.size()) {
          result.completeExceptionally(failure != null ? failure
              : new IllegalStateException("every server failed, last: "
                  + Rcode.string(response.getRcode())));
        } else {
          next(); // failed fast: no need to wait out the stagger
        }
      });
    }
  }

  /** NOERROR and NXDOMAIN are answers; SERVFAIL, REFUSED and the like mean "ask someone else". */
  private static boolean usable(Message response) {
    int rcode = response.getRcode();
    return rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN;
  }
}
