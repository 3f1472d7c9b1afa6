package com.midicenter.browser.preview;

import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;

/**
 * Where preview messages go: opens a {@link Receiver} on demand. Closing the receiver releases the output (for a
 * device, closes it). {@link PreviewOutputs} makes them for the software synthesizer and MIDI output ports; tests
 * pass a capturing receiver.
 *
 * <p>[preview thread] {@link Previewer} calls {@link #open()} on its own thread: opening the software synthesizer
 * takes hundreds of milliseconds.
 */
@FunctionalInterface
public interface ReceiverSource {

    /**
     * Opens the output.
     *
     * @throws MidiUnavailableException when it cannot be opened; its message is shown to the user as it is
     */
    Receiver open() throws MidiUnavailableException;
}
