package com.midicenter.core.roll;

/**
 * The names of the General MIDI Level 1 percussion key map (channel 10, keys 35..81), for labelling drum lanes.
 * Keys outside the map are named by number ({@code "Key 27"}).
 */
public final class GmDrumKeys {

    /** First key of the GM percussion map. */
    public static final int FIRST = 35;

    private static final String[] NAMES = {
        "Acoustic Bass Drum", "Bass Drum 1", "Side Stick", "Acoustic Snare", "Hand Clap", "Electric Snare",
        "Low Floor Tom", "Closed Hi-Hat", "High Floor Tom", "Pedal Hi-Hat", "Low Tom", "Open Hi-Hat",
        "Low-Mid Tom", "Hi-Mid Tom", "Crash Cymbal 1", "High Tom", "Ride Cymbal 1", "Chinese Cymbal",
        "Ride Bell", "Tambourine", "Splash Cymbal", "Cowbell", "Crash Cymbal 2", "Vibraslap", "Ride Cymbal 2",
        "Hi Bongo", "Low Bongo", "Mute Hi Conga", "Open Hi Conga", "Low Conga", "High Timbale", "Low Timbale",
        "High Agogo", "Low Agogo", "Cabasa", "Maracas", "Short Whistle", "Long Whistle", "Short Guiro",
        "Long Guiro", "Claves", "Hi Wood Block", "Low Wood Block", "Mute Cuica", "Open Cuica", "Mute Triangle",
        "Open Triangle",
    };

    private GmDrumKeys() {
    }

    /** The GM name of drum key {@code key} 0..127, e.g. 42 is {@code "Closed Hi-Hat"}. */
    public static String name(int key) {
        if (key < 0 || key > 127) {
            throw new IllegalArgumentException("key=" + key);
        }
        int k = key - FIRST;
        return k >= 0 && k < NAMES.length ? NAMES[k] : "Key " + key;
    }
}
