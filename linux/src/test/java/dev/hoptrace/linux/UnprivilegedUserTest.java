package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The raw-socket refusal on the real kernel: a JVM running as nobody (setpriv(1)) gets EPERM from
 * socket(SOCK_RAW), which RAW reports as a permission problem and AUTO turns into a fallback.
 */
class UnprivilegedUserTest {

  @Test
  void nobodyIsRefusedRawSocketsAndAutoFallsBack() throws Exception {
    if (!Loopback.root()) {
      Assumptions.abort("needs root to start a JVM as nobody with setpriv");
    }
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "no setpriv");
    List<String> command = new ArrayList<>(List.of(
        "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
        AsNobodyMain.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("RAW PERMISSION raw sockets need root or CAP_NET_RAW (socket: EPERM")
        .contains("AUTO opened UNPRIVILEGED")
        .contains("DROP uid 65534 effective 0 permitted 0, NoNewPrivs: 0");
  }

  /**
   * The module's own classes plus core and packet: class directories, or in a reactor build the
   * modules' jars, all inside the project (the local Maven repository under /root is not readable
   * by nobody, and this test needs no third-party classes).
   */
  private static String classPath() {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(e).toAbsolutePath().startsWith(root)) {
        entries.add(e);
      }
    }
    // Surefire may hand the class path over in a manifest-only jar; fall back to the layout.
    if (entries.size() < 3) {
      Path module = root.resolve("linux");
      entries.add(module.resolve("target/classes").toString());
      entries.add(module.resolve("target/test-classes").toString());
      entries.add(root.resolve("core/target/classes").toString());
      entries.add(root.resolve("packet/target/classes").toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
