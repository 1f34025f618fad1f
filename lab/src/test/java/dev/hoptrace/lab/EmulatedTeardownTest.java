package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing a lab, or failing to build one, leaves no emulator behind: no forwarding thread, no
 * TUN descriptor, no namespace (root only). The shutdown hook runs the same teardown.
 */
class EmulatedTeardownTest {

  @BeforeAll
  static void root() {
    RootOnly.require();
  }

  @Test
  void closeStopsEveryEmulatorOfTheLab() throws IOException {
    long tunsBefore = openTunDevices();
    Lab lab = Lab.start(ScenarioLibrary.load("transatlantic"));
    String run = lab.runId();
    assertThat(openTunDevices()).isEqualTo(tunsBefore + 14); // 7 links, two ends each
    assertThat(emulatorThreads(run)).isEqualTo(7);
    lab.close();
    assertThat(openTunDevices()).isEqualTo(tunsBefore);
    assertThat(emulatorThreads(run)).isZero();
    assertThat(Namespaces.list()).noneMatch(n -> n.contains(run));
  }

  @Test
  void aBuildThatFailsHalfWayClosesTheEmulatorsItMade() throws IOException {
    long tunsBefore = openTunDevices();
    long threadsBefore = emulatorThreads("");
    AtomicInteger made = new AtomicInteger();
    EmulatedLinkFactory failsOnTheThird = new EmulatedLinkFactory() {
      @Override
      public Optional<String> refusal(Scenario scenario, EmulatedPath path) {
        return Optional.empty();
      }

      @Override
      public EmulatedLink create(Scenario scenario, EmulatedPath path, String a, String b) {
        if (made.incrementAndGet() == 3) {
          throw new LabException("the third emulator fails on purpose");
        }
        return TunLinkFactory.INSTANCE.create(scenario, path, a, b);
      }
    };
    assertThatThrownBy(() -> Lab.start(ScenarioLibrary.load("transatlantic"),
        LabOptions.DEFAULT.withEmulator(failsOnTheThird)))
        .hasMessageContaining("fails on purpose");
    assertThat(made).hasValue(3);
    assertThat(openTunDevices()).isEqualTo(tunsBefore);
    assertThat(emulatorThreads("")).isEqualTo(threadsBefore);
  }

  /** Live forwarding threads of run {@code run}'s emulators ("": of every lab). */
  private static long emulatorThreads(String run) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("hoptrace-link-ht-" + run)).count();
  }

  /** Descriptors of this JVM open on /dev/net/tun (shared labs of other tests hold some too). */
  private static long openTunDevices() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals("/dev/net/tun");
        } catch (IOException e) {
          return false; // closed while listing
        }
      }).count();
    }
  }
}
