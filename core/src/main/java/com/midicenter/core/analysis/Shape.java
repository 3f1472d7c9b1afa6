package com.midicenter.core.analysis;

/**
 * The shape of a file's notes: length, density, range, timing feel and two fingerprints for "find similar".
 * Produced by {@link ShapeAnalyzer}.
 *
 * @param durationSec    length in seconds to the file's last event, through the tempo map
 * @param bars           bars laid out ({@link Timeline#barCount()})
 * @param loop           whole bars from bar 1: notes begin in the first half of bar 1 and the end of track or the
 *                       last note-off lies within a 32nd note of a bar line
 * @param notes          notes
 * @param notesPerBar    notes divided by bars
 * @param polyphonyMax   most notes sounding at once
 * @param pitchMin       lowest pitched note (drums only when there is nothing else), -1 without notes
 * @param pitchMax       highest, -1 without notes
 * @param velocityMin    lowest note-on velocity, -1 without notes
 * @param velocityMax    highest, -1 without notes
 * @param quantized      at least 90% of the onsets lie within a small tolerance (ppq/120 ticks, at least 1) of
 *                       the 1/32 grid, the sixteenth-triplet grid or the file's own swing grid
 * @param grooveOffsetMs mean absolute distance of the onsets from that nearest grid line, in milliseconds
 * @param rhythmPrint    onset occupancy of 64 sixteenth steps from bar 1 (a loop shorter than 4 bars of 4/4 is
 *                       repeated to fill them); time-keeping cymbals are left out when anything else plays
 * @param pitchPrint     pitch-class levels, the transposition-free pitch-class set, melodic contour and register
 *                       (see {@link ShapeAnalyzer}); 0 without pitched notes
 */
public record Shape(double durationSec, int bars, boolean loop, int notes, double notesPerBar, int polyphonyMax,
                    int pitchMin, int pitchMax, int velocityMin, int velocityMax, boolean quantized,
                    double grooveOffsetMs, long rhythmPrint, long pitchPrint) {

    public Shape {
        if (durationSec < 0 || bars < 0 || notes < 0 || polyphonyMax < 0 || grooveOffsetMs < 0) {
            throw new IllegalArgumentException("durationSec=" + durationSec + " bars=" + bars + " notes=" + notes
                    + " polyphonyMax=" + polyphonyMax + " grooveOffsetMs=" + grooveOffsetMs);
        }
    }

    /**
     * How alike two shapes are, 0..128: 128 minus the Hamming distances of the rhythm and pitch prints. The same
     * loop transposed keeps its rhythm print; a humanised copy stays within a few bits.
     */
    public static int similarity(Shape a, Shape b) {
        return 128 - Long.bitCount(a.rhythmPrint ^ b.rhythmPrint) - Long.bitCount(a.pitchPrint ^ b.pitchPrint);
    }
}
