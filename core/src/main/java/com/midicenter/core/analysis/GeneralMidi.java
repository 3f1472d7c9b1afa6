package com.midicenter.core.analysis;

/** General MIDI program numbers, families and drum channel facts. */
public final class GeneralMidi {

    /** Channel index (0-based) that GM reserves for drums: MIDI channel 10. */
    public static final int DRUM_CHANNEL = 9;

    /** The family name used for channel 10. */
    public static final String DRUMS = "Drums";

    private static final String[] FAMILIES = {
        "Piano", "Chromatic Percussion", "Organ", "Guitar", "Bass", "Strings", "Ensemble", "Brass",
        "Reed", "Pipe", "Synth Lead", "Synth Pad", "Synth Effects", "Ethnic", "Percussive", "Sound Effects"
    };

    private GeneralMidi() {
    }

    /** GM family of a program 0..127, e.g. 33 (Electric Bass, finger) is {@code "Bass"}. */
    public static String family(int program) {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program=" + program);
        }
        return FAMILIES[program >> 3];
    }

    /** All sixteen family names in program order. */
    public static String[] families() {
        return FAMILIES.clone();
    }
}
