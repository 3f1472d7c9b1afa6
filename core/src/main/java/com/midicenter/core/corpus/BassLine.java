package com.midicenter.core.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A monophonic bass line on the chord's bass note of every bar, with octaves, fifths, scale passing tones
 * and approach notes into the next bar, in the genre's rhythm.
 */
final class BassLine {

    private static final int ROOT = 0;
    private static final int OCTAVE = 1;
    private static final int FIFTH = 2;
    private static final int PASSING = 3;
    private static final int APPROACH = 4;

    private static final int[][] SYNCOPATED = {{0, 3, 6, 10, 12}, {0, 6, 8, 11, 14}, {0, 7, 10}, {0, 3, 8, 10, 14}};

    private BassLine() {
    }

    static void write(Grid grid, MusicKey key, List<Chord> chords, Genre.BassStyle style, NoteSink sink, int channel,
                      SplittableRandom r) {
        int steps = grid.steps();
        int[] onsets;
        int[] roles;
        int maxLen;
        if (grid.meter() != Meter.FOUR_FOUR) {
            Meter m = grid.meter();
            int[] tmpOn = new int[m.groupCount() * 2];
            int n = 0;
            for (int i = 0; i < m.groupCount(); i++) {
                int g = m.group(i);
                int next = i + 1 < m.groupCount() ? m.group(i + 1) : steps;
                tmpOn[n++] = g;
                if (g + 2 < next && r.nextBoolean()) {
                    tmpOn[n++] = g + 2;
                }
            }
            onsets = java.util.Arrays.copyOf(tmpOn, n);
            roles = new int[n];
            for (int i = 1; i < n; i++) {
                roles[i] = i == n - 1 ? APPROACH : (r.nextBoolean() ? FIFTH : ROOT);
            }
            maxLen = 4;
        } else {
            switch (style) {
                case OFFBEAT -> {
                    boolean pickups = r.nextDouble() < 0.3;
                    onsets = pickups ? new int[] {2, 6, 7, 10, 14, 15} : new int[] {2, 6, 10, 14};
                    roles = pickups ? new int[] {ROOT, ROOT, OCTAVE, ROOT, ROOT, APPROACH} : new int[4];
                    maxLen = 2;
                }
                case ROLLING -> {
                    onsets = new int[12];
                    roles = new int[12];
                    boolean octaves = r.nextDouble() < 0.3;
                    int n = 0;
                    for (int s = 0; s < 16; s++) {
                        if (s % 4 != 0) {
                            roles[n] = octaves && s % 4 == 2 ? OCTAVE : ROOT;
                            onsets[n++] = s;
                        }
                    }
                    maxLen = 1;
                }
                case SUB_808 -> {
                    int[] spots = {6, 7, 10, 11, 14};
                    boolean[] on = new boolean[16];
                    on[0] = true;
                    for (int k = 0; k < 1 + r.nextInt(3); k++) {
                        on[spots[r.nextInt(spots.length)]] = true;
                    }
                    onsets = indexes(on);
                    roles = new int[onsets.length];
                    for (int i = 1; i < roles.length; i++) {
                        roles[i] = new int[] {ROOT, OCTAVE, FIFTH}[r.nextInt(3)];
                    }
                    maxLen = steps;
                }
                case SYNCOPATED -> {
                    onsets = SYNCOPATED[r.nextInt(SYNCOPATED.length)];
                    roles = new int[onsets.length];
                    for (int i = 1; i < roles.length; i++) {
                        roles[i] = r.nextBoolean() ? ROOT : new int[] {FIFTH, OCTAVE, PASSING}[r.nextInt(3)];
                    }
                    if (onsets[onsets.length - 1] >= 12 && r.nextDouble() < 0.4) {
                        roles[roles.length - 1] = APPROACH;
                    }
                    maxLen = 3;
                }
                case REESE -> {
                    onsets = new int[] {0, r.nextBoolean() ? 8 : 10};
                    roles = new int[] {ROOT, new int[] {ROOT, FIFTH, OCTAVE}[r.nextInt(3)]};
                    maxLen = steps;
                }
                case PULSE -> {
                    onsets = new int[] {0, 2, 4, 6, 8, 10, 12, 14};
                    roles = new int[8];
                    if (r.nextDouble() < 0.2) {
                        roles[3] = OCTAVE;
                        roles[7] = OCTAVE;
                    }
                    maxLen = 2;
                }
                case WALKING -> {
                    onsets = new int[] {0, 4, 8, 12};
                    roles = new int[] {ROOT, PASSING, FIFTH, APPROACH};
                    maxLen = 4;
                }
                default -> throw new IllegalStateException("style " + style);
            }
        }
        int low = switch (style) {
            case SUB_808 -> 24;
            case REESE -> 26;
            case WALKING -> 28;
            default -> 31;
        };
        int bars = grid.bars();
        for (int b = 0; b < bars; b++) {
            Chord chord = chords.get(b);
            Chord next = chords.get((b + 1) % bars);
            int root = Pitches.atOrAbove(chord.bass(), low);
            for (int i = 0; i < onsets.length; i++) {
                int s = onsets[i];
                int until = i + 1 < onsets.length ? onsets[i + 1] : steps;
                int pitch = switch (roles[i]) {
                    case OCTAVE -> root + 12;
                    case FIFTH -> Pitches.atOrAbove(chord.tone(chord.size() > 2 ? 2 : 0), root + 1);
                    case PASSING -> scaleAbove(key, root);
                    case APPROACH -> scaleBelow(key, Pitches.atOrAbove(next.bass(), low));
                    default -> root;
                };
                int velocity = (grid.meter().isGroupStart(s) ? 108 : 96) + r.nextInt(-6, 7);
                sink.note(grid.at(b, s), channel, pitch, velocity, grid.span(b, s, Math.min(maxLen, until - s)));
            }
        }
    }

    private static int[] indexes(boolean[] on) {
        int n = 0;
        for (boolean b : on) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static int scaleAbove(MusicKey key, int pitch) {
        int p = pitch + 1;
        while (!key.inScale(p % 12)) {
            p++;
        }
        return p;
    }

    private static int scaleBelow(MusicKey key, int pitch) {
        int p = pitch - 1;
        while (!key.inScale(p % 12)) {
            p--;
        }
        return p;
    }
}
