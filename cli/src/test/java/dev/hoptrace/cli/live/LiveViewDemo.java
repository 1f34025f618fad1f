package dev.hoptrace.cli.live;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.live.LiveSnapshot;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;

/**
 * Manual check of the live view with made-up, changing snapshots (no packets): run it in a real
 * terminal or tmux, press keys, resize. {@code --ascii} draws without block characters.
 */
public final class LiveViewDemo {
  private LiveViewDemo() {}

  public static void main(String[] args) throws Exception {
    Fixtures.FakeTarget example = new Fixtures.FakeTarget("example.com", Fixtures.path(1,
        Optional.empty()));
    LiveSnapshot other = Fixtures.path(5, Optional.of("sends failing: Network is unreachable"));
    Fixtures.FakeTarget second = new Fixtures.FakeTarget("backup.example.org",
        new LiveSnapshot(Fixtures.request("backup.example.org", Fixtures.ip("192.0.2.80")),
            Fixtures.session(), other.rounds(), other.hops().subList(0, 4), 0, DropCounts.NONE,
            other.problem(), false, false, other.elapsedNanos(), List.of()));
    Thread engine = Thread.ofPlatform().daemon().start(() -> {
      for (int round = 2; ; round++) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        if (!example.control().paused()) {
          example.publish(Fixtures.path(round, Optional.empty()));
        }
      }
    });
    boolean ascii = List.of(args).contains("--ascii");
    String provider;
    try (Terminal terminal = LiveView.systemTerminal()) {
      provider = terminal.getClass().getSimpleName() + " type=" + terminal.getType();
      LiveView.run(terminal, List.of(example, second), LiveViewSettings.DEFAULT
          .withNames(Fixtures.KNOWN).withAscii(ascii));
    }
    engine.interrupt();
    System.out.println("live view demo ended; terminal: " + provider);
  }
}
