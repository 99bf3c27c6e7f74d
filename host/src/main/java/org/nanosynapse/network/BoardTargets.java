package org.nanosynapse.network;

import java.util.List;
import org.nanosynapse.link.BoardConfig;
import org.nanosynapse.link.SynapseCodes;

/**
 * What one board must hold after deployment: its configuration, the device codes of every synapse
 * (neuron-major: synapse j·(n+1)+i is input i of the board's neuron j, i = n the bias) and the int16
 * weights the board derives from them.
 */
public record BoardTargets(BoardSlot slot, BoardConfig config, List<SynapseCodes> codes, short[] weightsRaw) {}
