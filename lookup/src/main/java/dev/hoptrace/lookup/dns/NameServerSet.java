package dev.hoptrace.lookup.dns;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;

/**
 * Asks name servers in order, starting the next one when the previous is silent for a while or
 * fails, and takes the first usable answer.
 *
 * <p>dnsjava's {@code ExtendedResolver} moves on only when a query times out inside dnsjava, which
 * notices timeouts when its selector wakes, up to a second late; with a one-second budget the
 * second server would never be asked. Here the hand-over happens on our own schedule instead, and
 * a slow first server may still win the race after the second one was asked.
 */
final class NameServerSet {

  /** As many servers as {@code resolv.conf} uses (MAXNS in resolv.h). */
  static final int MAX_SERVERS = 3;

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

  int size() {
    return servers.size();
  }

  /** The first usable response; fails only when every server failed. */
  CompletableFuture<Message> send(Message query) {
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
