package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Without root a lab is refused up front, saying why, before anything is made. */
class LabWithoutRootTest {

  @Test
  void refusesToStartWithoutRoot() {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
        "runs as root: nothing to refuse");
    assertThatThrownBy(() -> LinearPath.of(1).start())
        .isInstanceOf(LabException.class)
        .hasMessageContaining("needs root");
  }
}
