package com.midicenter.core.analysis;

import java.util.Arrays;

/**
 * Computes a {@link Shape}: length, loop-ness, density, ranges, quantisation and groove offset, and the two
 * "find similar" fingerprints.
 *
 * <p><b>rhythmPrint</b>: bit {@code s} is set when an onset falls on sixteenth step {@code s} (0..63) from the
 * start; an onset up to 0.3 step early or 0.7 step late (swing) belongs to the step. When the file is shorter than
 * 64 steps its steps repeat, so a one-bar loop and the same bar written four times get the same print. Hats, ride
 * and crash are left out when anything else plays: they fill every step of most grooves and would hide the
 * kick/snare skeleton that tells grooves apart. Pitch plays no part: a transposed or re-voiced loop keeps its print.
 *
 * <p><b>pitchPrint</b> (pitched channels only; 0 for drums-only files):
 * <ul>
 *   <li>bits 0..23: the level of each pitch class C..B, weighted by note length (capped at a bar): two bits as a
 *       thermometer, {@code 00} absent or under 10% of the strongest, {@code 01} present, {@code 11} at least half
 *       the strongest;</li>
 *   <li>bits 24..35: the pitch classes present, rotated so the strongest is bit 24: equal for a transposed copy;</li>
 *   <li>bits 36..59: contour of the top voice, the highest note of each onset, for the first 12 moves: {@code 01}
 *       up, {@code 10} down, {@code 00} same (so up and down are two bits apart, a repeat one);</li>
 *   <li>bits 60..63: register of the mean pitch as a thermometer over MIDI 36, 48, 60, 72.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe. Allocates a few arrays per call, nothing per note.
 */
public final class ShapeAnalyzer {

    static final double QUANTIZED_SHARE = 0.9;
    private static final int STEPS = 64;
    private static final int CONTOUR_MOVES = 12;

    public Shape analyze(Notes notes, Timeline timeline) {
        double durationSec = timeline.seconds(timeline.endTick());
        int bars = timeline.barCount();
        int n = notes.count();
        if (n == 0) {
            return new Shape(durationSec, bars, false, 0, 0, 0, -1, -1, -1, -1, false, 0, 0, 0);
        }
        int ppq = Math.max(1, timeline.ppq());

        int pitchedMin = 128;
        int pitchedMax = -1;
        int anyMin = 128;
        int anyMax = -1;
        int velocityMin = 128;
        int velocityMax = -1;
        long lastEnd = 0;
        boolean anySkeleton = false;
        for (int i = 0; i < n; i++) {
            int p = notes.pitch(i);
            anyMin = Math.min(anyMin, p);
            anyMax = Math.max(anyMax, p);
            if (!notes.isDrum(i)) {
                pitchedMin = Math.min(pitchedMin, p);
                pitchedMax = Math.max(pitchedMax, p);
            }
            velocityMin = Math.min(velocityMin, notes.velocity(i));
            velocityMax = Math.max(velocityMax, notes.velocity(i));
            lastEnd = Math.max(lastEnd, notes.end(i));
            anySkeleton |= !notes.isDrum(i) || !DrumPiece.of(p).isCymbal();
        }
        boolean pitched = pitchedMax >= 0;

        boolean loop = isLoop(notes, timeline, lastEnd, ppq);
        int polyphony = polyphony(notes);

        // timing: distance of each distinct onset from the nearest line of the 1/32, sixteenth-triplet or swing grid
        Swing.Estimate swing = Swing.estimate(notes, timeline, Swing.ALL_CHANNELS);
        double swingOffset = swing.evidence() > 0 && swing.percent() > 52
                ? (swing.sixteenths() ? ppq / 2.0 : ppq) * swing.percent() / 100.0 : -1;
        double swingUnit = swing.sixteenths() ? ppq / 2.0 : ppq;
        double tolerance = Math.max(1.0, ppq / 120.0);
        int onsets = 0;
        int onGrid = 0;
        double offsetSec = 0;
        long previous = Long.MIN_VALUE;
        int bar = 0;
        for (int i = 0; i < n; i++) {
            long t = notes.start(i);
            if (t == previous) {
                continue;
            }
            previous = t;
            while (bar + 1 < bars && timeline.barStart(bar + 1) <= t) {
                bar++;
            }
            double pos = t - timeline.barStart(bar);
            double deviation = Math.min(distance(pos, ppq / 8.0), distance(pos, ppq / 6.0));
            if (swingOffset >= 0) {
                double inUnit = pos - Math.floor(pos / swingUnit) * swingUnit;
                deviation = Math.min(deviation, Math.abs(inUnit - swingOffset));
            }
            onsets++;
            if (deviation <= tolerance) {
                onGrid++;
            }
            long gridTick = Math.max(0, Math.round(t - deviation));
            offsetSec += Math.abs(timeline.seconds(t) - timeline.seconds(gridTick));
        }
        boolean quantized = onGrid >= QUANTIZED_SHARE * onsets;
        double grooveOffsetMs = Math.round(offsetSec / onsets * 1000 * 100) / 100.0;

        long rhythm = rhythmPrint(notes, timeline, ppq, anySkeleton);
        long pitch = pitched ? pitchPrint(notes, ppq) : 0;
        return new Shape(durationSec, bars, loop, n, (double) n / bars, polyphony,
                pitched ? pitchedMin : anyMin, pitched ? pitchedMax : anyMax, velocityMin, velocityMax, quantized,
                grooveOffsetMs, rhythm, pitch);
    }

    private static double distance(double pos, double grid) {
        double r = pos - Math.floor(pos / grid) * grid;
        return Math.min(r, grid - r);
    }

    /** Notes begin in the first half of bar 1, and the end of track or the last note-off is on a bar line. */
    private static boolean isLoop(Notes notes, Timeline timeline, long lastEnd, int ppq) {
        if (notes.start(0) - timeline.barStart(0) >= timeline.barTicks(0) / 2) {
            return false; // a pickup, or silence before the content
        }
        long tolerance = Math.max(1, ppq / 8);
        return onBarLine(timeline, timeline.endTick(), tolerance) || onBarLine(timeline, lastEnd, tolerance);
    }

    private static boolean onBarLine(Timeline timeline, long tick, long tolerance) {
        int bars = timeline.barCount();
        int b = timeline.barOf(tick);
        long before = timeline.barStart(b);
        long after = timeline.barStart(b + 1);
        if (tick > after) {
            // past the last laid-out bar: whole bars of the last bar's length
            long length = Math.max(1, timeline.barTicks(bars - 1));
            long r = (tick - after) % length;
            return Math.min(r, length - r) <= tolerance;
        }
        return (tick - before <= tolerance && before > 0) || after - tick <= tolerance;
    }

    /** Most notes sounding at once; a note ending where another starts does not overlap it. */
    private static int polyphony(Notes notes) {
        int n = notes.count();
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            ends[i] = notes.end(i);
        }
        Arrays.sort(ends);
        int sounding = 0;
        int max = 0;
        int e = 0;
        for (int i = 0; i < n; i++) {
            long t = notes.start(i);
            while (e < n && ends[e] <= t) {
                e++;
                sounding--;
            }
            sounding++;
            max = Math.max(max, sounding);
        }
        return max;
    }

    private static long rhythmPrint(Notes notes, Timeline timeline, int ppq, boolean skeletonOnly) {
        double step = ppq / 4.0;
        long totalSteps = Math.max(1, Math.round(timeline.barStart(timeline.barCount()) / step));
        long bits = 0;
        for (int i = 0; i < notes.count(); i++) {
            if (skeletonOnly && notes.isDrum(i) && DrumPiece.of(notes.pitch(i)).isCymbal()) {
                continue;
            }
            long s = (long) Math.floor(notes.start(i) / step + 0.3);
            if (s >= STEPS) {
                break; // sorted by start
            }
            if (totalSteps < STEPS) {
                s %= totalSteps;
                for (long k = s; k < STEPS; k += totalSteps) {
                    bits |= 1L << k;
                }
            } else {
                bits |= 1L << s;
            }
        }
        return bits;
    }

    private static long pitchPrint(Notes notes, int ppq) {
        long[] weight = new long[12];
        long pitchSum = 0;
        int pitched = 0;
        long cap = 4L * ppq;
        long contour = 0;
        int moves = 0;
        long onset = Long.MIN_VALUE;
        int top = -1;
        int previousTop = -1;
        for (int i = 0; i < notes.count(); i++) {
            if (notes.isDrum(i)) {
                continue;
            }
            int p = notes.pitch(i);
            weight[p % 12] += Math.max(1, Math.min(cap, notes.length(i)));
            pitchSum += p;
            pitched++;
            if (notes.start(i) != onset) {
                if (top >= 0 && moves < CONTOUR_MOVES) {
                    if (previousTop >= 0) {
                        contour |= (long) move(previousTop, top) << (2 * moves++);
                    }
                    previousTop = top;
                }
                onset = notes.start(i);
                top = p;
            } else {
                top = Math.max(top, p);
            }
        }
        if (top >= 0 && previousTop >= 0 && moves < CONTOUR_MOVES) {
            contour |= (long) move(previousTop, top) << (2 * moves);
        }
        long max = 0;
        int strongest = 0;
        for (int pc = 0; pc < 12; pc++) {
            if (weight[pc] > max) {
                max = weight[pc];
                strongest = pc;
            }
        }
        long levels = 0;
        long present = 0;
        for (int pc = 0; pc < 12; pc++) {
            if (weight[pc] * 10 >= max && weight[pc] > 0) {
                levels |= 1L << (2 * pc);
                present |= 1L << ((pc - strongest + 12) % 12);
                if (weight[pc] * 2 >= max) {
                    levels |= 2L << (2 * pc);
                }
            }
        }
        double mean = (double) pitchSum / pitched;
        long register = 0;
        int[] thresholds = {36, 48, 60, 72};
        for (int k = 0; k < thresholds.length; k++) {
            if (mean >= thresholds[k]) {
                register |= 1L << k;
            }
        }
        return levels | present << 24 | contour << 36 | register << 60;
    }

    private static int move(int from, int to) {
        return to > from ? 1 : to < from ? 2 : 0;
    }
}
