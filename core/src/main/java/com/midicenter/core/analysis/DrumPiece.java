package com.midicenter.core.analysis;

import java.util.Locale;

/** What a General MIDI drum key (channel 10) plays, grouped the way producers name drum parts. */
public enum DrumPiece {
    KICK, SNARE, CLAP, CLOSED_HAT, PEDAL_HAT, OPEN_HAT, TOM, CRASH, RIDE, PERCUSSION;

    private static final DrumPiece[] VALUES = values();
    private static final DrumPiece[] BY_KEY = new DrumPiece[128];

    static {
        java.util.Arrays.fill(BY_KEY, PERCUSSION);
        BY_KEY[35] = KICK;
        BY_KEY[36] = KICK;
        BY_KEY[37] = SNARE; // side stick: a snare played on the rim
        BY_KEY[38] = SNARE;
        BY_KEY[40] = SNARE;
        BY_KEY[39] = CLAP;
        BY_KEY[42] = CLOSED_HAT;
        BY_KEY[44] = PEDAL_HAT;
        BY_KEY[46] = OPEN_HAT;
        for (int key : new int[] {41, 43, 45, 47, 48, 50}) {
            BY_KEY[key] = TOM;
        }
        for (int key : new int[] {49, 52, 55, 57}) {
            BY_KEY[key] = CRASH; // crash 1/2, chinese, splash
        }
        for (int key : new int[] {51, 53, 59}) {
            BY_KEY[key] = RIDE; // ride 1/2, ride bell
        }
    }

    /** The piece a GM drum key plays; keys outside the kit map (and outside 0..127) are {@link #PERCUSSION}. */
    public static DrumPiece of(int gmKey) {
        return gmKey >= 0 && gmKey < 128 ? BY_KEY[gmKey] : PERCUSSION;
    }

    static DrumPiece ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** Lower-case words: {@code kick}, {@code closed hat}... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Hats, ride and crash: the time-keeping and accent cymbals. */
    boolean isCymbal() {
        return this == CLOSED_HAT || this == PEDAL_HAT || this == OPEN_HAT || this == CRASH || this == RIDE;
    }
}
