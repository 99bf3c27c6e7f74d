package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.compare.Comparison;
import org.nanosynapse.compare.Thresholds;
import org.nanosynapse.dataset.Dataset;
import org.nanosynapse.dataset.LineDatasetGenerator;
import org.nanosynapse.link.SerialBoard;
import org.nanosynapse.nn.Mlp;
import org.nanosynapse.records.RunRecorder;
import org.nanosynapse.training.Trainer;
import org.nanosynapse.training.TrainingConfig;
import org.nanosynapse.training.TrainingMode;

/**
 * The network controller on three emulated Nanos: the real firmware ELF in simavr, throttled to real
 * time, 115200 baud over ptys. Skips outside CI when the firmware or harness is not built; fails in CI.
 */
class HardwareInTheLoopTest {
  static Mlp trained;

  @BeforeAll
  static void train() {
    trained = Trainer.train(TrainingConfig.defaults().toBuilder().mode(TrainingMode.IDEAL).build()).model();
  }

  @Test
  void trainedMlpOnThreeEmulatedBoardsMatchesTheHostOn2000NoisyImages(@TempDir Path runs) throws Exception {
    Path root = EmulatedBoardsSupport.requireEmulator();
    Dataset test = LineDatasetGenerator.generate(TrainingConfig.defaults().task(), 2000, 2024);
    assertEquals(0.1, TrainingConfig.defaults().task().flipProbability());
    Comparison c;
    try (EmulatedNetwork emu = EmulatedNetwork.start(root, 3);
        RunRecorder rec = RunRecorder.create(runs, "hil")) {
      Topology topo = TopologyPlanner.plan(WeightEncoder.layersOf(trained), TopologyPlanner.Capacity.NANO, emu.ports());
      assertEquals(List.of(0, 0, 1), topo.boards().stream().map(BoardSlot::layer).toList(),
          "hidden layer over two boards, output layer on the third");
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, System.out::println)) {
        s.deploy(trained, DeployerTest.GRONINGEN, NetworkSession.DeployOptions.direct());
        s.run(test, new NetworkRunner());
        c = s.compare(Thresholds.defaults());
      }
    }
    var r = c.report();
    System.out.println(r.summaryText());
    assertEquals(2000, r.patterns());
    assertTrue(r.boardAccuracy() >= 0.90, "board accuracy " + r.boardAccuracy());
    assertEquals(1.0, r.classAgreement(), "agreement with the host fixed-point model");
    assertEquals(1.0, r.exactOutputs(), "the firmware computes PROTOCOL.md §Arithmetic exactly (README: all bit-exact)");
    assertTrue(r.passed(), r.failures().toString());
  }

  @Test
  void boardPoweredOffAndOnMidRunIsReconnectedAndTheRunFinishes(@TempDir Path runs) throws Exception {
    Path root = EmulatedBoardsSupport.requireEmulator();
    Dataset test = LineDatasetGenerator.generate(TrainingConfig.defaults().task(), 120, 77);
    AtomicBoolean cut = new AtomicBoolean();
    List<Throwable> faultErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicReference<Thread> faultThread = new java.util.concurrent.atomic.AtomicReference<>();
    try (EmulatedNetwork emu = EmulatedNetwork.start(root, 3);
        RunRecorder rec = RunRecorder.create(runs, "hil-fault")) {
      Topology topo = TopologyPlanner.plan(WeightEncoder.layersOf(trained), TopologyPlanner.Capacity.NANO, emu.ports());
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, System.out::println)) {
        s.deploy(trained, DeployerTest.GRONINGEN, NetworkSession.DeployOptions.direct());
        NetworkRunner runner = new NetworkRunner(30_000, 3);
        // Power board 2 off after pattern 40 and on again 1.5 s later, while the run goes on.
        RunResult r = runWithFault(s, test, runner, () -> {
          if (cut.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
              try {
                emu.boards().stop(2);
                Thread.sleep(1500);
                emu.boards().start(2);
              } catch (Throwable e) {
                faultErrors.add(e);
              }
            });
            faultThread.set(t);
            t.start();
          }
        });
        // The power cycle must have finished (and not failed) before its errors are looked at.
        assertTrue(cut.get(), "the fault was injected");
        faultThread.get().join(10_000);
        assertFalse(faultThread.get().isAlive(), "the power cycle of board 2 did not finish");
        assertTrue(faultErrors.isEmpty(), faultErrors.toString());
        assertEquals(120, r.patterns().size(), "the run finished");
        SerialBoard board2 = (SerialBoard) s.network().board(topo.boards().get(1));
        System.out.println("board 2 reconnects by the link: " + board2.reconnects() + ", controller events: "
            + r.events() + ", run " + r.durationMillis() + " ms");
        assertTrue(board2.reconnects() + r.events().size() > 0, "board 2 was reconnected");
        Comparison c = s.compare(Thresholds.defaults());
        assertEquals(1.0, c.report().exactOutputs(), "after the reconnect board 2 computes with its weights again");
      }
    }
  }

  @Test
  void closedLoopWriteAndVerifyOnTheFirmwareFollowsTheHostDeviceModel(@TempDir Path runs) throws Exception {
    Path root = EmulatedBoardsSupport.requireEmulator();
    Dataset test = LineDatasetGenerator.generate(TrainingConfig.defaults().task(), 100, 78);
    try (EmulatedNetwork emu = EmulatedNetwork.start(root, 3);
        RunRecorder rec = RunRecorder.create(runs, "hil-write-verify")) {
      Topology topo = TopologyPlanner.plan(WeightEncoder.layersOf(trained), TopologyPlanner.Capacity.NANO, emu.ports());
      try (NetworkSession s = NetworkSession.open(topo, new Boards(rec), rec, System.out::println)) {
        DeploymentResult d = s.deploy(trained, DeployerTest.GRONINGEN,
            new NetworkSession.DeployOptions(Deployer.Mode.WRITE_VERIFY, 8, Double.NaN, 4, 500));
        assertTrue(d.maxWeightErrorRaw() <= 4);
        s.run(test, new NetworkRunner());
        Comparison c = s.compare(Thresholds.defaults());
        System.out.println(c.report().summaryText());
        assertTrue(c.report().pulses() > 1000, "the weights were reached by pulses");
        assertEquals(1.0, c.report().exactOutputs(), "the host model is built from the weights read back");
        assertTrue(c.report().maxRelativeResidual() < 0.01, "firmware device emulation vs host power law");
        assertTrue(c.report().passed(), c.report().failures().toString());
      }
    }
  }

  private static RunResult runWithFault(NetworkSession s, Dataset test, NetworkRunner runner, Runnable fault) {
    return s.run(test, runner, p -> {
      if (p.index() == 40) {
        fault.run();
      }
    });
  }
}
