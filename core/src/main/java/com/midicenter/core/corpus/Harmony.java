package com.midicenter.core.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chord parts: block chords, pads and arpeggios, one chord per bar. In every bar the lowest note is the
 * chord's bass ({@link Chord#bass()}: the root, or the third/fifth of an inversion), so the chord symbols of
 * the ground truth, slash chords included, can be read off the notes.
 */
final class Harmony {

    private static final int[][] STABS = {{2, 6, 10, 14}, {0, 3, 6, 10, 12}, {3, 6, 10, 13}, {0, 6, 10}};
    private static final int[][] PULSES = {{0, 2, 4, 6, 8, 10, 12, 14}, {0, 4, 8, 12}, {0, 3, 6, 8, 11, 14}};

    private Harmony() {
    }

    /** Block chords in the genre's rhythm; {@code lowBass} adds the bass note an octave or two below the voicing. */
    static void chords(Grid grid, List<Chord> chords, Genre.ChordStyle style, NoteSink sink, int channel,
                       SplittableRandom r) {
        int steps = grid.steps();
        boolean fourFour = grid.meter() == Meter.FOUR_FOUR;
        int[] hits;
        int maxLen;
        switch (style) {
            case STABS -> {
                hits = fourFour ? STABS[r.nextInt(STABS.length)] : groupStarts(grid.meter());
                maxLen = 1 + r.nextInt(2);
            }
            case PULSE -> {
                hits = fourFour ? PULSES[r.nextInt(PULSES.length)] : every(steps, 2);
                maxLen = 4;
            }
            case STRUM -> {
                hits = r.nextBoolean() ? new int[] {0} : new int[] {0, fourFour ? 8 : grid.meter().group(1)};
                maxLen = steps;
            }
            default -> {
                hits = new int[] {0};
                maxLen = steps;
            }
        }
        boolean lowBass = r.nextDouble() < 0.7;
        int low = 52 + r.nextInt(7);
        int strumTicks = style == Genre.ChordStyle.STRUM ? Math.max(1, grid.stepTicks() / 8) : 0;
        int baseVelocity = 80 + r.nextInt(20);
        for (int b = 0; b < grid.bars(); b++) {
            int[] notes = lowBass ? withLowBass(chords.get(b), low, false) : stacked(chords.get(b));
            for (int h = 0; h < hits.length; h++) {
                int s = hits[h];
                int until = h + 1 < hits.length ? hits[h + 1] : steps;
                long tick = grid.at(b, s);
                long length = grid.span(b, s, Math.min(maxLen, until - s));
                int velocity = baseVelocity + r.nextInt(-6, 7);
                for (int k = 0; k < notes.length; k++) {
                    long offset = (long) k * strumTicks;
                    sink.note(tick + offset, channel, notes[k], velocity - 2 * k, Math.max(1, length - offset));
                }
            }
        }
    }

    /** Long chords, one per bar, spread over two octaves above the bass. */
    static void pad(Grid grid, List<Chord> chords, NoteSink sink, int channel, SplittableRandom r) {
        int low = 55 + r.nextInt(6);
        boolean open = r.nextBoolean();
        int velocity = 60 + r.nextInt(20);
        for (int b = 0; b < grid.bars(); b++) {
            int[] notes = withLowBass(chords.get(b), low, open);
            long length = grid.span(b, 0, grid.steps());
            for (int note : notes) {
                sink.note(grid.at(b, 0), channel, note, velocity + r.nextInt(-4, 5), length);
            }
        }
    }

    /** Arpeggios up, down or up-and-down over one or two octaves, restarting every bar on the chord. */
    static void arp(Grid grid, List<Chord> chords, NoteSink sink, int channel, SplittableRandom r) {
        int steps = grid.steps();
        int rate = r.nextDouble() < 0.6 ? 1 : 2;
        int perBar = steps / rate;
        int octaves = 1 + r.nextInt(2);
        int pattern = r.nextInt(3); // 0 up, 1 down, 2 up-down
        double gate = 0.5 + r.nextInt(5) / 10.0;
        for (int b = 0; b < grid.bars(); b++) {
            Chord chord = chords.get(b);
            int base = Pitches.atOrAbove(chord.bass(), 48);
            int[] tones = new int[perBar];
            int n = 0;
            tones[n++] = base;
            for (int p = base + 1; p <= base + 12 * octaves && n < perBar; p++) {
                if (Pitches.inChord(chord, p % 12)) {
                    tones[n++] = p;
                }
            }
            for (int i = 0; i < perBar; i++) {
                int index = switch (pattern) {
                    case 0 -> i % n;
                    case 1 -> n - 1 - i % n;
                    default -> {
                        int cycle = Math.max(1, 2 * n - 2);
                        int c = i % cycle;
                        yield c < n ? c : cycle - c;
                    }
                };
                int s = i * rate;
                long length = Math.max(1, (long) (grid.span(b, s, rate) * gate));
                int velocity = (grid.meter().isGroupStart(s) ? 100 : 88) + r.nextInt(-5, 6);
                sink.note(grid.at(b, s), channel, tones[index], velocity, length);
            }
        }
    }

    /** The bass note in 36..47, then every chord tone once in the octave from {@code low}; {@code open} lifts the second. */
    static int[] withLowBass(Chord chord, int low, boolean open) {
        int[] notes = new int[chord.size() + 1];
        notes[0] = Pitches.atOrAbove(chord.bass(), 36);
        for (int i = 0; i < chord.size(); i++) {
            notes[i + 1] = Pitches.atOrAbove(chord.tone(i), low);
        }
        Arrays.sort(notes, 1, notes.length);
        if (open && notes.length > 3) {
            notes[2] += 12;
            Arrays.sort(notes, 1, notes.length);
        }
        return notes;
    }

    /** A close voicing with the bass note (48..59) lowest and the other tones stacked just above it. */
    static int[] stacked(Chord chord) {
        int bass = Pitches.atOrAbove(chord.bass(), 48);
        int[] notes = new int[chord.size()];
        int n = 0;
        notes[n++] = bass;
        for (int i = 0; i < chord.size(); i++) {
            if (chord.tone(i) != chord.bass()) {
                notes[n++] = Pitches.atOrAbove(chord.tone(i), bass + 1);
            }
        }
        Arrays.sort(notes);
        return notes;
    }

    private static int[] groupStarts(Meter meter) {
        int[] hits = new int[meter.groupCount()];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = meter.group(i);
        }
        return hits;
    }

    private static int[] every(int steps, int interval) {
        int[] hits = new int[(steps + interval - 1) / interval];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = i * interval;
        }
        return hits;
    }
}
