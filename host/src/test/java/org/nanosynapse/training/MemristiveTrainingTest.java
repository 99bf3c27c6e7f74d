package org.nanosynapse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nanosynapse.dataset.BayesCeiling;
import org.nanosynapse.dataset.LineTask;

/**
 * The issue's claims for the default task (3×3, p = 0.1 on train and test, 2,000 test images, 15 %
 * device-to-device variation, seeds 1..20): memristive in place with the device-aware rule and
 * write-and-verify both reach ≥ 90 % mean and ≥ 85 % worst, with the default 9-4-2 network and with
 * 9-3-2, the smallest hidden layer that does (9-2-2 does not); the published sign-only rule is run
 * beside it and does worse.
 */
class MemristiveTrainingTest {
  static final int SEEDS = 20;

  record Stats(double mean, double worst, double ofCeiling) {}

  static Stats run(TrainingConfig base) {
    double[] acc = LongStream.rangeClosed(1, SEEDS).parallel()
        .mapToDouble(seed -> Trainer.train(base.toBuilder().seed(seed).build(), TrainingListener.FINAL_ONLY).testAccuracy()).toArray();
    double mean = java.util.Arrays.stream(acc).average().orElseThrow();
    double worst = java.util.Arrays.stream(acc).min().orElseThrow();
    double ceiling = BayesCeiling.of(base.task()).accuracy();
    return new Stats(mean, worst, mean / ceiling);
  }

  @Test
  void defaultsAreTheIssuesTask() {
    TrainingConfig c = TrainingConfig.defaults();
    assertEquals(LineTask.defaultTask(), c.task());
    assertEquals(0.15, c.synapses().variation());
    assertTrue(c.testSize() >= 2000);
    assertEquals(TrainingMode.IN_PLACE, c.mode());
    assertEquals(UpdateRule.DEVICE_AWARE, c.synapses().rule());
    assertEquals(4, c.hidden()[0]);
  }

  @Test
  void inPlaceDeviceAwareReachesNinetyPercent() {
    Stats s = run(TrainingConfig.defaults());
    System.out.printf("in-place device-aware: mean %.4f worst %.4f (%.3f of the Bayes ceiling)%n", s.mean(),
        s.worst(), s.ofCeiling());
    assertTrue(s.mean() >= 0.90, "mean " + s.mean());
    assertTrue(s.worst() >= 0.85, "worst " + s.worst());
  }

  @Test
  void threeHiddenUnitsIsTheSmallestLayerThatWorks() {
    TrainingConfig three = TrainingConfig.defaults().toBuilder().hidden(3).build();
    Stats inPlace = run(three);
    Stats wv = run(three.toBuilder().mode(TrainingMode.WRITE_VERIFY).build());
    Stats two = run(three.toBuilder().hidden(2).build());
    System.out.printf("9-3-2 in place: mean %.4f worst %.4f; write-and-verify: mean %.4f worst %.4f; 9-2-2 in place:"
        + " mean %.4f worst %.4f%n", inPlace.mean(), inPlace.worst(), wv.mean(), wv.worst(), two.mean(), two.worst());
    assertTrue(inPlace.mean() >= 0.90 && inPlace.worst() >= 0.85, "9-3-2 in place " + inPlace);
    assertTrue(wv.mean() >= 0.90 && wv.worst() >= 0.85, "9-3-2 write-and-verify " + wv);
    assertTrue(two.mean() < 0.90 || two.worst() < 0.85, "9-2-2 fails the criterion " + two);
  }

  @Test
  void writeAndVerifyReachesNinetyPercent() {
    Stats s = run(TrainingConfig.defaults().toBuilder().mode(TrainingMode.WRITE_VERIFY).build());
    System.out.printf("write-and-verify: mean %.4f worst %.4f (%.3f of the Bayes ceiling)%n", s.mean(), s.worst(),
        s.ofCeiling());
    assertTrue(s.mean() >= 0.90, "mean " + s.mean());
    assertTrue(s.worst() >= 0.85, "worst " + s.worst());
  }

  @Test
  void publishedSignOnlyRuleLearnsButLessWellAtFifteenPercentVariation() {
    TrainingConfig c = TrainingConfig.defaults();
    Stats sign = run(c.toBuilder().synapses(c.synapses().withRule(UpdateRule.SIGN_ONLY)).build());
    System.out.printf("in-place sign-only: mean %.4f worst %.4f (%.3f of the Bayes ceiling)%n", sign.mean(),
        sign.worst(), sign.ofCeiling());
    Stats deviceAware = run(c);
    assertTrue(sign.mean() > 0.70, "sign-only learns: " + sign.mean());
    assertTrue(sign.mean() < 0.90, "sign-only misses the 90 % criterion: " + sign.mean());
    assertTrue(sign.mean() < deviceAware.mean() - 0.03 && sign.worst() < deviceAware.worst(),
        "sign-only does worse than the device-aware rule: " + sign + " vs " + deviceAware);
  }
}
