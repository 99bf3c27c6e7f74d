/**
 * The host side of {@code firmware/PROTOCOL.md}: what the network controller uses ({@link
 * org.nanosynapse.link.Board} and its records), the codec ({@link org.nanosynapse.link.FrameCodec},
 * {@link org.nanosynapse.link.Cobs}, {@link org.nanosynapse.link.Crc16}, {@link
 * org.nanosynapse.link.MessageFields}), the request–response layer with retransmits ({@link
 * org.nanosynapse.link.FrameLink}), the reliable board ({@link org.nanosynapse.link.SerialBoard}),
 * transports behind {@link org.nanosynapse.link.Transport} (serial ports and ptys, a fault injector,
 * a line-rate throttle), port discovery, and the launcher of emulated boards in simavr.
 */
package org.nanosynapse.link;
