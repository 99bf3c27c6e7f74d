package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nanosynapse.board.VirtualNetwork;
import org.nanosynapse.link.Board;

/** A pulse train through a virtual board's emulated device (APPLY_PULSES), fitted by the calibration module, gives back the loaded law. */
class DeviceChannelCalibrationTest {
  @Test
  void fitOfTheBoardsReadsRecoversTheLoadedPowerLaw() {
    try (Board board = VirtualNetwork.open(1)) {
      DeviceChannelCalibrator.Result r = DeviceChannelCalibrator.calibrate(board, DeployerTest.GRONINGEN, 200);
      assertEquals(200, r.series().size());
      assertTrue(r.exponentError() < 0.03, "a: fitted " + r.fit().a() + ", loaded " + r.loaded().exponent());
      assertTrue(r.r1Error() < 0.05, "R1: fitted " + r.fit().r1Ohm() + ", loaded " + r.loaded().r1Ohm());
      assertTrue(r.fit().rmseLog10() < 0.01, "rmse " + r.fit().rmseLog10());
      for (int k = 1; k < r.reads().size(); k++) {
        assertTrue(r.series().resistanceOhm()[k] <= r.series().resistanceOhm()[k - 1], "SET never raises R");
      }
    }
  }
}
