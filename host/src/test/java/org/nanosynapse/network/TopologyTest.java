package org.nanosynapse.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanosynapse.nn.Activation;

class TopologyTest {
  static final List<LayerSpec> MLP_9_4_2 =
      List.of(new LayerSpec(9, 4, Activation.SIGMOID), new LayerSpec(4, 2, Activation.IDENTITY));

  @Test
  void defaultLayoutUsesAsFewBoardsAsCapacityAllows() {
    Topology t = TopologyPlanner.plan(MLP_9_4_2, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(2));
    assertEquals(2, t.boards().size());
    assertEquals(new BoardSlot(1, "virtual:1", 0, 0, 4), t.boards().get(0));
    assertEquals(new BoardSlot(2, "virtual:2", 1, 0, 2), t.boards().get(1));
    assertEquals(2, TopologyPlanner.boardsNeeded(MLP_9_4_2, TopologyPlanner.Capacity.NANO));
  }

  @Test
  void threeBoardsSplitTheHiddenLayer() {
    Topology t = TopologyPlanner.plan(MLP_9_4_2, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3));
    assertEquals(List.of(new BoardSlot(1, "virtual:1", 0, 0, 2), new BoardSlot(2, "virtual:2", 0, 2, 2),
        new BoardSlot(3, "virtual:3", 1, 0, 2)), t.boards());
  }

  @Test
  void largeLayersNeedSeveralBoards() {
    List<LayerSpec> layers = List.of(new LayerSpec(16, 10, Activation.RELU), new LayerSpec(10, 3, Activation.IDENTITY));
    Topology t = TopologyPlanner.plan(layers, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(4));
    assertEquals(3, t.boardsOfLayer(0).size());
    assertEquals(List.of(4, 3, 3), t.boardsOfLayer(0).stream().map(BoardSlot::neurons).toList());
    var e = assertThrows(IllegalArgumentException.class,
        () -> TopologyPlanner.plan(layers, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3)));
    assertTrue(e.getMessage().contains("needs 4 boards"), e.getMessage());
    var wide = List.of(new LayerSpec(25, 2, Activation.IDENTITY));
    e = assertThrows(IllegalArgumentException.class,
        () -> TopologyPlanner.plan(wide, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(1)));
    assertTrue(e.getMessage().startsWith("layers[0].inputs: 25 inputs"), e.getMessage());
  }

  @Test
  void fileRoundTrip(@TempDir Path dir) {
    Topology t = TopologyPlanner.plan(MLP_9_4_2, TopologyPlanner.Capacity.NANO, List.of("/dev/ttyUSB0", "/tmp/b2", "virtual:3"));
    Path f = dir.resolve("topology.json");
    TopologyFile.write(f, t);
    assertEquals(t, TopologyFile.read(f));
  }

  private static String error(Path dir, String json) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, json);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopologyFile.read(f));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString() + ":") || e.getMessage().startsWith(f + " line"),
        e.getMessage());
    return e.getMessage();
  }

  @Test
  void corruptedFilesGetOneLineErrorsNamingFileAndField(@TempDir Path dir) throws Exception {
    String good = TopologyFile.toJson(
        TopologyPlanner.plan(MLP_9_4_2, TopologyPlanner.Capacity.NANO, TopologyPlanner.virtualPorts(3)));
    // Truncated file (a crash while someone else wrote it).
    assertTrue(error(dir, good.substring(0, good.length() / 2)).contains(" line "));
    assertTrue(error(dir, "{ \"format\": \"nanosynapse-topology\", ").contains("malformed JSON"));
    assertTrue(error(dir, good.replace("\"port\" : \"virtual:2\"", "\"prt\" : \"virtual:2\""))
        .contains("boards[1].port: missing"));
    assertTrue(error(dir, good.replace("\"first_neuron\" : 2", "\"first_neuron\" : 1"))
        .contains("boards[1].first_neuron: layer 0 neuron 1 on two boards"));
    assertTrue(error(dir, good.replace("\"first_neuron\" : 2", "\"first_neuron\" : \"two\""))
        .contains("boards[1].first_neuron: expected an integer"));
    assertTrue(error(dir, good.replace("sigmoid", "sigmoidal")).contains("layers[0].activation: unknown"));
    assertTrue(error(dir, good.replace("\"board_id\" : 3", "\"board_id\" : 1")).contains("boards[2].board_id: 1 is used"));
    assertTrue(error(dir, good.replace("\"layer\" : 1", "\"layer\" : 7")).contains("boards[2].layer: 7 does not exist"));
    assertTrue(error(dir, good.replace("\"inputs\" : 4", "\"inputs\" : 5")).contains("layers[1].inputs: must equal"));
    assertTrue(error(dir, good.replace("nanosynapse-topology", "something-else")).contains("format: expected"));
    assertTrue(error(dir, "[1, 2]").contains("top level"));
    var e = assertThrows(IllegalArgumentException.class, () -> TopologyFile.read(dir.resolve("missing.json")));
    assertTrue(e.getMessage().contains("not found"));
  }
}
