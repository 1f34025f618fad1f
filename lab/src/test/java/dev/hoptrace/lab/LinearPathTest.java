package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinearPathTest {

  @Test
  void routersAnswerUnlessToldOtherwise() {
    LinearPath path = LinearPath.of(6).router(4, RouterBehaviour.FIREWALL);
    assertThat(path.behaviour(4)).isEqualTo(RouterBehaviour.FIREWALL);
    assertThat(path.behaviour(3)).isEqualTo(RouterBehaviour.ANSWERING);
    assertThat(path.links()).isEqualTo(7);
    assertThat(path.pingGroupOpen()).isTrue();
    assertThat(path.pingGroupClosed().pingGroupOpen()).isFalse();
  }

  @Test
  void refusesRoutersThatAreNotOnThePath() {
    assertThatThrownBy(() -> LinearPath.of(3).router(4, RouterBehaviour.SILENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no router 4");
    assertThatThrownBy(() -> LinearPath.of(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labNamesFitInterfaceNameLimits() {
    assertThat(LabRegistry.runIdOf("ht-ab12z-r254")).contains("ab12z");
    assertThat(LabRegistry.runIdOf("ht-ab12z-c")).contains("ab12z");
    assertThat(LabRegistry.runIdOf("other-ns")).isEmpty();
    assertThat(("ht-ab12z-r" + 254).length()).isLessThanOrEqualTo(Node.MAX_NAME);
  }
}
