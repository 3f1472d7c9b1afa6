package com.midicenter.core.corpus;

/** Small pitch helpers shared by the part writers. */
final class Pitches {

    private Pitches() {
    }

    /** The lowest MIDI note at or above {@code low} with pitch class {@code pc}. */
    static int atOrAbove(int pc, int low) {
        return low + Math.floorMod(pc - low, 12);
    }

    /** The MIDI note with pitch class {@code pc} nearest to {@code target} (the lower one on a tie). */
    static int nearest(int pc, int target) {
        int up = atOrAbove(pc, target);
        int down = up - 12;
        return up - target < target - down ? up : down;
    }

    /** True when {@code pc} is one of the chord's tones. */
    static boolean inChord(Chord chord, int pc) {
        for (int i = 0; i < chord.size(); i++) {
            if (chord.tone(i) == Math.floorMod(pc, 12)) {
                return true;
            }
        }
        return false;
    }
}
