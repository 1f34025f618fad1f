package dev.hoptrace.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnreachableMeaningTest {

  @Test
  void namesEveryAnnotationTheEngineEmits() {
    assertThat(UnreachableMeaning.name("!H")).isEqualTo("host unreachable");
    assertThat(UnreachableMeaning.name("!N")).isEqualTo("network unreachable");
    assertThat(UnreachableMeaning.name("!P")).isEqualTo("protocol unreachable");
    assertThat(UnreachableMeaning.name("!X"))
        .isEqualTo("communication administratively prohibited");
    assertThat(UnreachableMeaning.name("!S")).isEqualTo("source route failed");
    assertThat(UnreachableMeaning.name("!V")).isEqualTo("host precedence violation");
    assertThat(UnreachableMeaning.name("!C")).isEqualTo("precedence cutoff in effect");
    assertThat(UnreachableMeaning.name("!F-1400")).isEqualTo("fragmentation needed");
    assertThat(UnreachableMeaning.name("!12-1")).isEqualTo("ICMP error");
  }

  @Test
  void spellsOutWhatItMeans() {
    assertThat(UnreachableMeaning.describe("!X"))
        .isEqualTo("'communication administratively prohibited' (!X): a filter there refuses the "
            + "probes");
    assertThat(UnreachableMeaning.describe("!F-1400"))
        .contains("next link's MTU of 1400 bytes", "try smaller packets");
    assertThat(UnreachableMeaning.describe("!N")).endsWith("no route to the destination's network");
  }

  @Test
  void theDestinationIsNamedAsSuch() {
    assertThat(Sentences.unreachable(PathFixture.snapshot(9, 10, 10, "!P", true), true))
        .startsWith("hop 9 (the destination) answers 'protocol unreachable' (!P)");
  }
}
