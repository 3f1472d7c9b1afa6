package com.midicenter.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A monophonic melody or lead that leaves no doubt about the key: it starts and ends on the tonic, puts chord
 * tones (preferring the tonic triad) on the beat-group starts and moves by scale steps in between, over a
 * repeated one- or two-bar rhythm motif.
 */
final class Melody {

    private Melody() {
    }

    static void write(Grid grid, MusicKey key, List<Chord> chords, boolean lead, NoteSink sink, int channel,
                      SplittableRandom r) {
        Meter meter = grid.meter();
        int steps = grid.steps();
        int center = (lead ? 74 : 69) + r.nextInt(-2, 3);
        int low = center - 9;
        int high = center + 12;
        int[] scale = scale(key, low, high);
        int motifBars = grid.bars() >= 2 && r.nextBoolean() ? 2 : 1;
        boolean[] motif = motif(meter, motifBars, lead, r);

        List<long[]> onsets = new ArrayList<>(); // {bar, step}
        int lastGroup = meter.group(meter.groupCount() - 1);
        for (int b = 0; b < grid.bars(); b++) {
            boolean last = b == grid.bars() - 1;
            for (int s = 0; s < steps; s++) {
                boolean on = motif[(b % motifBars) * steps + s];
                if (last && s >= lastGroup) {
                    on = s == lastGroup;
                }
                if (on) {
                    onsets.add(new long[] {b, s});
                }
            }
        }
        int third = key.degree(2);
        int fifth = key.degree(4);
        int tonic = Pitches.nearest(key.tonic(), center);
        int previous = tonic;
        int gap = Math.max(1, grid.stepTicks() / 6);
        long maxLength = (long) (lead ? 6 : 8) * grid.stepTicks() - gap;
        for (int k = 0; k < onsets.size(); k++) {
            int b = (int) onsets.get(k)[0];
            int s = (int) onsets.get(k)[1];
            Chord chord = chords.get(b);
            boolean strong = meter.isGroupStart(s);
            int pitch;
            if (k == 0) {
                pitch = tonic;
            } else if (k == onsets.size() - 1) {
                pitch = Pitches.nearest(key.tonic(), previous);
            } else if (strong) {
                int best = previous;
                int bestScore = Integer.MAX_VALUE;
                for (int p = low; p <= high; p++) {
                    int pc = p % 12;
                    if (!Pitches.inChord(chord, pc)) {
                        continue;
                    }
                    int score = Math.abs(p - previous) + r.nextInt(3)
                            - (pc == key.tonic() || pc == third || pc == fifth ? 3 : 0);
                    if (score < bestScore) {
                        bestScore = score;
                        best = p;
                    }
                }
                pitch = best;
            } else {
                int i = nearestIndex(scale, previous);
                int[] moves = {-2, -1, -1, 0, 1, 1, 2};
                int j = i + moves[r.nextInt(moves.length)];
                if (j < 0 || j >= scale.length) {
                    j = i - (j - i);
                }
                pitch = scale[Math.max(0, Math.min(scale.length - 1, j))];
            }
            long tick = grid.at(b, s);
            long next = k + 1 < onsets.size()
                    ? grid.at((int) onsets.get(k + 1)[0], (int) onsets.get(k + 1)[1]) : grid.end() + gap;
            long duration = Math.max(1, Math.min(next - tick - gap, k + 1 < onsets.size() ? maxLength : Long.MAX_VALUE));
            int velocity = (strong ? 100 : 85) + r.nextInt(-8, 9);
            sink.note(tick, channel, pitch, velocity, duration);
            previous = pitch;
        }
    }

    /** Onsets of a rhythm motif of {@code bars} bars: beat groups likely, eighths sometimes, sixteenths rarely. */
    private static boolean[] motif(Meter meter, int bars, boolean lead, SplittableRandom r) {
        int steps = meter.steps();
        boolean[] on = new boolean[bars * steps];
        for (int i = 0; i < on.length; i++) {
            int s = i % steps;
            double p = meter.isGroupStart(s) ? 0.75 : s % 2 == 0 ? (lead ? 0.55 : 0.45) : (lead ? 0.3 : 0.1);
            on[i] = r.nextDouble() < p;
        }
        for (int b = 0; b < bars; b++) {
            int count = 0;
            for (int s = 0; s < steps; s++) {
                count += on[b * steps + s] ? 1 : 0;
            }
            for (int g = 0; g < meter.groupCount() && count < 3; g++) {
                if (!on[b * steps + meter.group(g)]) {
                    on[b * steps + meter.group(g)] = true;
                    count++;
                }
            }
        }
        on[0] = true;
        return on;
    }

    private static int[] scale(MusicKey key, int low, int high) {
        int n = 0;
        int[] tmp = new int[high - low + 1];
        for (int p = low; p <= high; p++) {
            if (key.inScale(p % 12)) {
                tmp[n++] = p;
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    private static int nearestIndex(int[] scale, int pitch) {
        int best = 0;
        for (int i = 1; i < scale.length; i++) {
            if (Math.abs(scale[i] - pitch) < Math.abs(scale[best] - pitch)) {
                best = i;
            }
        }
        return best;
    }
}
