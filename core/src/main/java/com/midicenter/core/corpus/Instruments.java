package com.midicenter.core.corpus;

import java.util.SplittableRandom;

/** General MIDI programs, families and track names that fit each part and genre. */
final class Instruments {

    /** The 16 General MIDI program families, eight programs each, as written to the {@code instrument} column. */
    static final String[] FAMILIES = {
        "piano", "chromatic percussion", "organ", "guitar", "bass", "strings", "ensemble", "brass",
        "reed", "pipe", "synth lead", "synth pad", "synth effects", "ethnic", "percussive", "sound effects",
    };

    /** The {@code instrument} value of a drum part. */
    static final String DRUMS = "drums";

    private static final int[] SYNTH_BASS = {38, 39};
    private static final int[] ELECTRIC_BASS = {33, 34, 38};
    private static final int[] SOUL_BASS = {32, 33, 35};
    private static final int[] EP_CHORDS = {4, 5, 0};
    private static final int[] PIANO_CHORDS = {0, 1, 2};
    private static final int[] HOUSE_CHORDS = {0, 1, 4, 16, 17};
    private static final int[] POP_CHORDS = {0, 1, 24, 25, 4};
    private static final int[] SYNTH_CHORDS = {90, 89, 0, 4};
    private static final int[] STRING_CHORDS = {48, 49, 0, 50};
    private static final int[] PADS = {88, 89, 90, 91, 92, 93, 94, 95, 48, 49, 50, 51};
    private static final int[] MELODY = {0, 4, 11, 8, 10, 73, 65, 56, 24, 46, 80, 81};
    private static final int[] LEADS = {80, 81, 82, 83, 84, 85, 86, 87};
    private static final int[] ARPS = {80, 81, 84, 87, 8, 10, 90};

    private Instruments() {
    }

    static String family(int program) {
        return FAMILIES[program / 8];
    }

    /** A General MIDI program for a tonal part. */
    static int program(Part part, Genre genre, SplittableRandom r) {
        int[] choices = switch (part) {
            case BASS -> switch (genre) {
                case TRAP, FUTURE_BASS, TECHNO, TRANCE, DNB, SYNTHWAVE, HOUSE -> SYNTH_BASS;
                case NEO_SOUL, JAZZ, LOFI, RNB -> SOUL_BASS;
                default -> ELECTRIC_BASS;
            };
            case CHORDS -> switch (genre) {
                case NEO_SOUL, LOFI, RNB -> EP_CHORDS;
                case JAZZ, HIP_HOP -> PIANO_CHORDS;
                case HOUSE, DEEP_HOUSE -> HOUSE_CHORDS;
                case POP, AFRO, REGGAETON -> POP_CHORDS;
                case CINEMATIC -> STRING_CHORDS;
                default -> SYNTH_CHORDS;
            };
            case PAD -> PADS;
            case MELODY -> MELODY;
            case LEAD -> LEADS;
            case ARP -> ARPS;
            default -> throw new IllegalArgumentException("not a tonal part: " + part);
        };
        return choices[r.nextInt(choices.length)];
    }

    /** A track name for a part, e.g. {@code Bass}, {@code Rhodes}. */
    static String trackName(Part part, int program, SplittableRandom r) {
        String[] names = switch (part) {
            case DRUMS, FULL -> new String[] {"Drums", "Drum Kit", "Beat"};
            case FILL -> new String[] {"Fill", "Drums"};
            case TOP_LOOP -> new String[] {"Top Loop", "Hats", "Perc"};
            case BASS -> program == 38 || program == 39 ? new String[] {"Bass", "Synth Bass", "808", "Sub"}
                    : new String[] {"Bass", "Bass Guitar"};
            case CHORDS -> program == 4 || program == 5 ? new String[] {"Rhodes", "Keys", "Chords"}
                    : new String[] {"Chords", "Keys", "Piano"};
            case PAD -> program >= 48 && program <= 51 ? new String[] {"Strings", "Pad"} : new String[] {"Pad", "Synth Pad"};
            case MELODY -> new String[] {"Melody", "Hook", "Lead"};
            case LEAD -> new String[] {"Lead", "Synth Lead"};
            case ARP -> new String[] {"Arp", "Pluck"};
        };
        return names[r.nextInt(names.length)];
    }
}
