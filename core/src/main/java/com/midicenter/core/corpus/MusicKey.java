package com.midicenter.core.corpus;

import java.util.Locale;
import java.util.Optional;

/**
 * A major or minor key, with the corpus' spelling table.
 *
 * <p>Spelling: each key is named by the signature with the fewest accidentals; the two six-accidental
 * ties use sharps ({@code F#}, not {@code Gb}; {@code D#m}, not {@code Ebm}). So the 24 names are
 * {@code C Db D Eb E F F# G Ab A Bb B} and {@code Cm C#m Dm D#m Em Fm F#m Gm G#m Am Bbm Bm}. Notes and
 * chord roots in a key are spelled from the 12-name sharp table ({@code C C# D D# E F F# G G# A A# B})
 * in keys with sharps or none, and from the flat table ({@code C Db D Eb E F Gb G Ab A Bb B}) in keys
 * with flats; never {@code E#}, {@code B#}, {@code Cb} or {@code Fb}.
 *
 * @param tonic pitch class of the tonic, 0 (C) to 11 (B)
 * @param minor true for (natural) minor, false for major
 */
record MusicKey(int tonic, boolean minor) {

    static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

    private static final int[] MAJOR_SIGNATURE = {0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};
    private static final int[] MINOR_SIGNATURE = {-3, 4, -1, 6, 1, -4, 3, -2, 5, 0, -5, 2};
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};

    MusicKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic=" + tonic);
        }
    }

    /** Key number {@code 0..23}: 0..11 major on C..B, 12..23 minor on C..B. */
    static MusicKey of(int index) {
        if (index < 0 || index > 23) {
            throw new IllegalArgumentException("index=" + index);
        }
        return new MusicKey(index % 12, index >= 12);
    }

    /** Sharps (positive) or flats (negative) of the key signature, as in the SMF key signature event. */
    int sharpsOrFlats() {
        return minor ? MINOR_SIGNATURE[tonic] : MAJOR_SIGNATURE[tonic];
    }

    boolean usesFlats() {
        return sharpsOrFlats() < 0;
    }

    /** The name of pitch class {@code pc} (any int, taken mod 12) in this key's spelling. */
    String noteName(int pc) {
        int p = Math.floorMod(pc, 12);
        return usesFlats() ? FLAT_NAMES[p] : SHARP_NAMES[p];
    }

    /** {@code C}, {@code F#m}, {@code Bbm}... */
    String name() {
        return minor ? noteName(tonic).concat("m") : noteName(tonic);
    }

    /** Pitch class of scale degree {@code degree} (0 = tonic; wraps every 7 degrees). */
    int degree(int degree) {
        int[] scale = minor ? MINOR_SCALE : MAJOR_SCALE;
        return (tonic + scale[Math.floorMod(degree, 7)]) % 12;
    }

    /** True when pitch class {@code pc} is in the (natural) scale. */
    boolean inScale(int pc) {
        int rel = Math.floorMod(pc - tonic, 12);
        for (int s : minor ? MINOR_SCALE : MAJOR_SCALE) {
            if (s == rel) {
                return true;
            }
        }
        return false;
    }

    /** The other spelling of the tonic when there is one ({@code F#} and {@code Gb}), else empty. */
    Optional<String> enharmonicTonicName() {
        String sharp = SHARP_NAMES[tonic];
        String flat = FLAT_NAMES[tonic];
        if (sharp.equals(flat)) {
            return Optional.empty();
        }
        return Optional.of(noteName(tonic).equals(sharp) ? flat : sharp);
    }

    /**
     * Parses a key name such as {@code Am}, {@code F#}, {@code Gb}, {@code A#m}, {@code Eb minor},
     * {@code C maj}, {@code Amin}; case-insensitive for the mode word, not for the note letter.
     */
    static Optional<MusicKey> parse(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.charAt(0) < 'A' || s.charAt(0) > 'G') {
            return Optional.empty();
        }
        int pc = switch (s.charAt(0)) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            default -> 11;
        };
        int i = 1;
        if (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b')) {
            pc += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        String mode = s.substring(i).trim().toLowerCase(Locale.ROOT);
        boolean minor;
        switch (mode) {
            case "", "maj", "major" -> minor = false;
            case "m", "min", "minor" -> minor = true;
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new MusicKey(Math.floorMod(pc, 12), minor));
    }
}
