package com.midicenter.browser.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * The outputs a preview can play through: the JDK's software synthesizer (Gervill, the default) and the MIDI
 * output ports of the machine, by name.
 *
 * <p>Gervill plays through the default audio line. On a machine without a sound card its {@code open()} fails
 * ("Can not open line"); {@link #softwareSynth()} then fails with {@link #NO_SOUND_OUTPUT}, so the user learns to
 * pick a MIDI port instead. (Gervill can still render offline through {@code AudioSynthesizer.openStream} without
 * any device; the preview has nowhere to send that audio, so it does not use it.)
 */
public final class PreviewOutputs {

    /** The name {@link #list()} gives the JDK's software synthesizer. */
    public static final String SOFTWARE_SYNTH = "Java software synthesizer";

    /** What the user is told when there is no sound device for the software synthesizer. */
    public static final String NO_SOUND_OUTPUT = "No sound output: choose a MIDI output in Preview settings";

    private PreviewOutputs() {
    }

    /**
     * [any thread; may take tens of milliseconds] The output names: {@link #SOFTWARE_SYNTH} first, then every
     * MIDI port that accepts messages (not synthesizers or sequencers), in the order the system lists them.
     */
    public static List<String> list() {
        List<String> names = new ArrayList<>();
        names.add(SOFTWARE_SYNTH);
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            if (isPort(info) && !names.contains(info.getName())) {
                names.add(info.getName());
            }
        }
        return names;
    }

    /** The output named {@code name} (one of {@link #list()}); the port is looked up when it is opened. */
    public static ReceiverSource byName(String name) {
        Objects.requireNonNull(name, "name");
        if (SOFTWARE_SYNTH.equals(name)) {
            return softwareSynth();
        }
        return () -> {
            for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
                if (info.getName().equals(name) && isPort(info)) {
                    MidiDevice device = MidiSystem.getMidiDevice(info);
                    try {
                        device.open();
                        return new DeviceReceiver(device, device.getReceiver());
                    } catch (MidiUnavailableException | RuntimeException e) {
                        device.close();
                        throw unavailable("Cannot open MIDI output '" + name + "': " + e.getMessage(), e);
                    }
                }
            }
            throw new MidiUnavailableException("MIDI output '" + name + "' is not connected");
        };
    }

    /** The JDK's software synthesizer on the default audio line; fails with {@link #NO_SOUND_OUTPUT} without one. */
    public static ReceiverSource softwareSynth() {
        return () -> {
            Synthesizer synth = MidiSystem.getSynthesizer();
            try {
                synth.open();
                return new DeviceReceiver(synth, synth.getReceiver());
            } catch (MidiUnavailableException | RuntimeException e) {
                synth.close();
                throw unavailable(NO_SOUND_OUTPUT, e);
            }
        };
    }

    private static MidiUnavailableException unavailable(String message, Exception cause) {
        MidiUnavailableException e = new MidiUnavailableException(message);
        e.initCause(cause);
        return e;
    }

    private static boolean isPort(MidiDevice.Info info) {
        try {
            MidiDevice device = MidiSystem.getMidiDevice(info);
            return device.getMaxReceivers() != 0 && !(device instanceof Sequencer) && !(device instanceof Synthesizer);
        } catch (MidiUnavailableException | RuntimeException e) {
            return false; // a port that vanished while listing
        }
    }

    /** A device's receiver that closes the device with it. */
    private static final class DeviceReceiver implements Receiver {
        private final MidiDevice device;
        private final Receiver receiver;

        DeviceReceiver(MidiDevice device, Receiver receiver) {
            this.device = device;
            this.receiver = receiver;
        }

        @Override
        public void send(MidiMessage message, long timeStamp) {
            receiver.send(message, timeStamp);
        }

        @Override
        public void close() {
            receiver.close();
            device.close();
        }
    }
}
