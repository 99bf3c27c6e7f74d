package org.nanosynapse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nanosynapse.board.BoardAddresses;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.BoardIdentity;
import org.nanosynapse.link.PortDiscovery;
import org.nanosynapse.link.SerialBoard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nanosynapse boards}: list serial ports, flag likely Nanos, and identify boards. */
@Command(
    name = "boards",
    mixinStandardHelpOptions = true,
    description = {
      "List the serial ports with their USB ids, flag likely Arduino Nanos (CH340, FTDI, ATmega16U2 bridges), and "
          + "identify each likely Nano and each --port given: board id, firmware, protocol version, capacities.",
      "Ports the OS does not list (ptys of emulated boards) and virtual:N boards are given with --port."
    })
public final class BoardsCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT",
      description = "A port path, pty link or virtual:N to identify (repeatable).")
  List<String> ports = new ArrayList<>();

  @Option(names = "--all", description = "Identify every listed port, not only likely Nanos.")
  boolean all;

  @Option(names = "--no-identify", description = "Only list ports; open none.")
  boolean noIdentify;

  @Option(names = "--set-id", paramLabel = "ID",
      description = "Store this board id in the EEPROM of the one board given with --port.")
  Integer setId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (setId != null && ports.size() != 1) {
      throw new BadInputException("--set-id: give exactly one --port, got " + ports.size());
    }
    if (setId != null && (setId < 0 || setId > 0xFFFF)) {
      throw new BadInputException("--set-id: board id must be 0..65535, got " + setId);
    }
    List<PortDiscovery.PortInfo> listed = PortDiscovery.list();
    out.println("Serial ports (" + listed.size() + " listed by the OS):");
    if (listed.isEmpty()) {
      out.println("  none");
    }
    for (PortDiscovery.PortInfo p : listed) {
      out.printf("  %-22s %-10s %-38s %s%n", p.path(), p.usbIds(),
          p.likelyNano() ? "likely Nano: " + p.bridge() : "-", p.description() + (p.serialNumber() == null ? "" : " s/n " + p.serialNumber()));
    }
    if (noIdentify) {
      return NanoSynapse.EXIT_OK;
    }
    Set<String> toIdentify = new LinkedHashSet<>(ports);
    for (PortDiscovery.PortInfo p : listed) {
      if (setId == null && (all || p.likelyNano())) {
        toIdentify.add(p.path());
      }
    }
    if (toIdentify.isEmpty()) {
      out.println("No board to identify (no likely Nano listed; give --port PATH for others).");
      return NanoSynapse.EXIT_OK;
    }
    boolean typedFailed = false;
    out.println("Boards:");
    for (String address : toIdentify) {
      out.flush();
      try (SerialBoard board = BoardAddresses.connect(address)) {
        if (setId != null) {
          board.setBoardId(setId);
        }
        BoardIdentity id = board.identify();
        BoardConfig c = board.reportedConfig();
        out.printf("  %-22s id %-5d %s %s, protocol %d, capacity %d neurons x %d inputs (%d synapses), "
                + "%d amplitudes/polarity, %d physical channel(s); configured %d x %d, activation %d, F=%d, k=%d%n",
            address, id.boardId(), id.firmwareName(), id.firmwareVersion(), id.protocolVersion(),
            id.maxNeurons(), id.maxInputsPerNeuron(), id.maxSynapses(), id.maxAmplitudes(),
            id.physicalChannels(), c.neurons(), c.inputs(), c.activationCode(), c.fractionalBits(), c.weightScale());
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException && ports.contains(address)) {
          throw e;
        }
        out.printf("  %-22s not identified: %s%n", address, e.getMessage());
        typedFailed |= ports.contains(address);
      }
    }
    out.flush();
    return typedFailed ? NanoSynapse.EXIT_FAILURE : NanoSynapse.EXIT_OK;
  }
}
