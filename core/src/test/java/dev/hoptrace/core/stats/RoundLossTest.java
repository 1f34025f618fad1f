package dev.hoptrace.core.stats;

import static dev.hoptrace.core.stats.LossKind.BACKWARD;
import static dev.hoptrace.core.stats.LossKind.FORWARD;
import static dev.hoptrace.core.stats.LossKind.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Round fixtures as strings, one letter per TTL: A answered, L lost, N not sent. */
class RoundLossTest {

  private static LossKind[] classify(String round) {
    ProbeOutcome[] outcomes = new ProbeOutcome[round.length()];
    for (int i = 0; i < round.length(); i++) {
      outcomes[i] = switch (round.charAt(i)) {
        case 'A' -> ProbeOutcome.ANSWERED;
        case 'L' -> ProbeOutcome.LOST;
        case 'N' -> ProbeOutcome.NOT_SENT;
        default -> throw new IllegalArgumentException(round);
      };
    }
    return RoundLoss.classify(outcomes);
  }

  @Test
  void emptyRound() {
    assertThat(classify("")).isEmpty();
  }

  @Test
  void allAnswered() {
    assertThat(classify("AAAA")).containsExactly(NONE, NONE, NONE, NONE);
  }

  @Test
  void lossOnlyInTheFinalRun() {
    assertThat(classify("AALLL")).containsExactly(NONE, NONE, FORWARD, BACKWARD, BACKWARD);
  }

  @Test
  void lossAtOneMiddleHopWithLaterAnswersIsNone() {
    assertThat(classify("ALAA")).containsExactly(NONE, NONE, NONE, NONE);
  }

  @Test
  void forwardLossFromHopKThenAllLost() {
    assertThat(classify("ALALLL"))
        .containsExactly(NONE, NONE, NONE, FORWARD, BACKWARD, BACKWARD);
  }

  @Test
  void destinationLostAloneIsNone() {
    // No later probe exists, so nothing says the loss continued.
    assertThat(classify("AAAL")).containsExactly(NONE, NONE, NONE, NONE);
  }

  @Test
  void notSentProbesAreSkipped() {
    assertThat(classify("ALNLN")).containsExactly(NONE, FORWARD, NONE, BACKWARD, NONE);
    assertThat(classify("ALNAL")).containsExactly(NONE, NONE, NONE, NONE, NONE);
  }

  @Test
  void lossFollowedOnlyByUnsentProbesIsNone() {
    assertThat(classify("AALNN")).containsExactly(NONE, NONE, NONE, NONE, NONE);
  }

  @Test
  void everyProbeLost() {
    assertThat(classify("LLL")).containsExactly(FORWARD, BACKWARD, BACKWARD);
  }

  @Test
  void answeredProbesAfterForwardLossStayNone() {
    // Only lost probes are classified; a round cannot have an answer after forward loss, but the
    // walk must not mislabel one if it is reported.
    assertThat(classify("LLA")).containsExactly(NONE, NONE, NONE);
  }
}
