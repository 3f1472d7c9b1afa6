package com.midicenter.core.corpus;

import java.util.Objects;

/**
 * A chord: root, quality and inversion. Its symbol, as written to the ground truth, is the root in the
 * key's spelling, the quality suffix, and {@code /bass} for an inversion: {@code Am}, {@code Cmaj7},
 * {@code Bdim}, {@code Bm7b5}, {@code Csus4}, {@code C/E}.
 *
 * @param root      pitch class 0..11
 * @param quality   the chord type
 * @param inversion 0 root position, 1 third in the bass, 2 fifth in the bass (triads only)
 */
record Chord(int root, Quality quality, int inversion) {

    /** Chord types and their intervals above the root, in semitones. */
    enum Quality {
        MAJOR("", 0, 4, 7),
        MINOR("m", 0, 3, 7),
        DIMINISHED("dim", 0, 3, 6),
        SUS2("sus2", 0, 2, 7),
        SUS4("sus4", 0, 5, 7),
        MAJOR7("maj7", 0, 4, 7, 11),
        MINOR7("m7", 0, 3, 7, 10),
        DOMINANT7("7", 0, 4, 7, 10),
        HALF_DIMINISHED7("m7b5", 0, 3, 6, 10);

        private final String suffix;
        private final int[] intervals;

        Quality(String suffix, int... intervals) {
            this.suffix = suffix;
            this.intervals = intervals;
        }

        String suffix() {
            return suffix;
        }

        int size() {
            return intervals.length;
        }

        int interval(int i) {
            return intervals[i];
        }
    }

    Chord {
        Objects.requireNonNull(quality, "quality");
        if (root < 0 || root > 11) {
            throw new IllegalArgumentException("root=" + root);
        }
        if (inversion < 0 || inversion > 2 || (inversion > 0 && quality.size() != 3)) {
            throw new IllegalArgumentException("inversion=" + inversion + " of " + quality);
        }
    }

    /** Pitch class of the lowest note: the root, or the third/fifth for an inversion. */
    int bass() {
        return (root + quality.interval(inversion)) % 12;
    }

    int size() {
        return quality.size();
    }

    /** Pitch class of chord tone {@code i} (0 = root). */
    int tone(int i) {
        return (root + quality.interval(i)) % 12;
    }

    String symbol(MusicKey key) {
        String s = key.noteName(root).concat(quality.suffix());
        return inversion == 0 ? s : String.join("/", s, key.noteName(bass()));
    }
}
