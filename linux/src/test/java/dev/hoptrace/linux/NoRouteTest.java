package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** In a namespace with only loopback, nothing is routable: open fails before any probe leaves. */
class NoRouteTest {

  @Test
  void missingRouteIsReportedAsUnreachableAtOpen() throws Exception {
    if (!Loopback.root()) {
      Assumptions.abort("needs root to create a network namespace");
    }
    try (NetNamespace ns = new NetNamespace("hoptrace-noroute-" + ProcessHandle.current().pid())) {
      for (String target : new String[] {"192.0.2.1", "2001:db8::1"}) {
        for (ProbeMode mode : new ProbeMode[] {ProbeMode.UNPRIVILEGED, ProbeMode.RAW}) {
          ns.call(() -> {
            assertThatThrownBy(() -> new LinuxNetwork().open(Loopback.spec(target, Protocol.UDP, mode)))
                .isInstanceOfSatisfying(NetworkException.class, e -> {
                  assertThat(e.reason()).isEqualTo(NetworkException.Reason.UNREACHABLE);
                  assertThat(e.getMessage()).startsWith("no route to " + target.replace("::", ":0:0:0:0:0:"))
                      .contains("(connect: ENETUNREACH");
                });
            return null;
          });
        }
      }
    }
  }
}
