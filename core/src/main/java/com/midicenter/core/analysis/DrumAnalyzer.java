package com.midicenter.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Analyses the drums of a file: the notes on channel 10 (index 9), read with the General MIDI drum map.
 *
 * <p>What it tells, and how:
 * <ul>
 *   <li><b>pieces</b>: hits per {@link DrumPiece};</li>
 *   <li><b>swing</b>: {@link Swing} over the drum onsets. When the drums play nothing off the eighth grid
 *       (a four-on-the-floor with off-beat hats shows no sixteenth swing) and the pitched channels do, their
 *       onsets tell the sixteenth swing instead: a construction kit swings as one. 0 without drums;</li>
 *   <li><b>ghost notes</b>: snare, clap and tom hits at most half the groove velocity, the median velocity of
 *       the kick, snare and clap hits (of all hits when there are none of those);</li>
 *   <li><b>fills</b>: a bar is a fill when its second half has toms on two or more sixteenth steps, a snare
 *       (keys 38/40, not the side stick) on three consecutive sixteenths or on four or more steps, unless more
 *       than half of the bars do so (then it is the groove); or, in loops of two bars or more, when its second
 *       half has at least 1.5 times the median number of onsets plus two and a pattern that differs from the
 *       most common one.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe. Allocates a few arrays per call (per bar at most), nothing per note.
 */
public final class DrumAnalyzer {

    private static final int PIECES = DrumPiece.values().length;
    private static final int GROUP_KICK = 0;
    private static final int GROUP_SNARE = 1;
    private static final int GROUP_CYMBAL = 2;
    private static final int GROUP_OTHER = 3;

    public DrumResult analyze(Notes notes, Timeline timeline) {
        int[] counts = new int[PIECES];
        int[] mainVelocities = new int[128];
        int[] allVelocities = new int[128];
        int hits = 0;
        int main = 0;
        for (int i = 0; i < notes.count(); i++) {
            if (!notes.isDrum(i)) {
                continue;
            }
            DrumPiece piece = DrumPiece.of(notes.pitch(i));
            counts[piece.ordinal()]++;
            hits++;
            allVelocities[notes.velocity(i)]++;
            if (piece == DrumPiece.KICK || piece == DrumPiece.SNARE || piece == DrumPiece.CLAP) {
                mainVelocities[notes.velocity(i)]++;
                main++;
            }
        }
        if (hits == 0) {
            return DrumResult.none();
        }
        int grooveVelocity = main > 0 ? median(mainVelocities, main) : median(allVelocities, hits);
        int ghostMax = grooveVelocity / 2;

        int bars = timeline.barCount();
        int[] tomSteps = new int[bars];
        long[] snareSteps = new long[bars];
        int[] tailOnsets = new int[bars];
        long[] tailPattern = new long[bars];
        int ghosts = 0;
        int ppq = Math.max(1, timeline.ppq());
        int bar = 0;
        long lastTailOnset = -1;
        for (int i = 0; i < notes.count(); i++) {
            if (!notes.isDrum(i)) {
                continue;
            }
            DrumPiece piece = DrumPiece.of(notes.pitch(i));
            int velocity = notes.velocity(i);
            boolean ghost = velocity <= ghostMax
                    && (piece == DrumPiece.SNARE || piece == DrumPiece.CLAP || piece == DrumPiece.TOM);
            if (ghost) {
                ghosts++;
            }
            long t = notes.start(i);
            while (bar + 1 < bars && timeline.barStart(bar + 1) <= t) {
                bar++;
            }
            long tailStart = timeline.barStart(bar) + timeline.barTicks(bar) / 2;
            if (t < tailStart) {
                continue;
            }
            // sixteenth step inside the tail; late by up to 0.7 step (swing) or early by 0.3 (humanising) is the same step
            long step = Math.min(63, ((t - tailStart) * 40 + 3L * ppq) / (10L * ppq));
            if (t != lastTailOnset) {
                tailOnsets[bar]++;
                lastTailOnset = t;
            }
            if (piece == DrumPiece.TOM && (tomSteps[bar] & (1 << Math.min(31, step))) == 0) {
                tomSteps[bar] |= 1 << Math.min(31, step);
            }
            int pitch = notes.pitch(i);
            if (!ghost && (pitch == 38 || pitch == 40)) {
                snareSteps[bar] |= 1L << step;
            }
            int group = switch (piece) {
                case KICK -> GROUP_KICK;
                case SNARE, CLAP -> GROUP_SNARE;
                case CLOSED_HAT, PEDAL_HAT, OPEN_HAT, RIDE, CRASH -> GROUP_CYMBAL;
                default -> GROUP_OTHER;
            };
            tailPattern[bar] |= 1L << (group * 16 + Math.min(15, step));
        }

        List<Integer> fills = fillBars(bars, tomSteps, snareSteps, tailOnsets, tailPattern);
        DrumRole role = fills.isEmpty() ? DrumRole.GROOVE
                : fills.size() == bars ? DrumRole.FILL : DrumRole.GROOVE_WITH_FILL;
        int swing = swing(notes, timeline);
        return new DrumResult(true, counts, (double) hits / bars, swing, ghosts, fills, role);
    }

    private static int swing(Notes notes, Timeline timeline) {
        Swing.Estimate drums = Swing.estimate(notes, timeline, Swing.DRUM_CHANNELS);
        if (drums.evidence() == 0 || !drums.sixteenths()) {
            Swing.Estimate pitched = Swing.estimate(notes, timeline, Swing.PITCHED_CHANNELS);
            if (pitched.evidence() > 0 && pitched.sixteenths()) {
                return Swing.clamp(pitched.percent());
            }
        }
        return drums.evidence() == 0 ? 50 : Swing.clamp(drums.percent());
    }

    private static List<Integer> fillBars(int bars, int[] tomSteps, long[] snareSteps, int[] tailOnsets,
                                          long[] tailPattern) {
        boolean[] marked = new boolean[bars];
        int marks = 0;
        for (int b = 0; b < bars; b++) {
            long snare = snareSteps[b];
            marked[b] = Integer.bitCount(tomSteps[b]) >= 2 || longestRun(snare) >= 3 || Long.bitCount(snare) >= 4;
            if (marked[b]) {
                marks++;
            }
        }
        boolean marksAreGroove = bars > 1 && marks * 2 > bars;
        int medianOnsets = 0;
        long commonPattern = 0;
        if (bars > 1) {
            int[] sorted = tailOnsets.clone();
            java.util.Arrays.sort(sorted);
            medianOnsets = sorted[bars / 2];
            commonPattern = mostCommon(tailPattern);
        }
        List<Integer> fills = new ArrayList<>(2);
        for (int b = 0; b < bars; b++) {
            boolean burst = bars > 1 && tailOnsets[b] >= 1.5 * medianOnsets + 2 && tailPattern[b] != commonPattern;
            if ((marked[b] && !marksAreGroove) || burst) {
                fills.add(b + 1);
            }
        }
        return fills;
    }

    private static int longestRun(long bits) {
        int run = 0;
        while (bits != 0) {
            bits &= bits << 1;
            run++;
        }
        return run;
    }

    private static long mostCommon(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        long best = sorted[0];
        int bestRun = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestRun) {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }

    /** The lower median of a velocity histogram holding {@code n > 0} values. */
    private static int median(int[] histogram, int n) {
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen * 2 >= n) {
                return v;
            }
        }
        return 127;
    }
}
