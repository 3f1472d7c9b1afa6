package com.midicenter.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A drum part on channel 10 (index 9) with the General MIDI drum map: genre-typical grooves on a
 * sixteenth grid, ghost notes, hat rolls, fills and crashes. Built in two steps so the caller can create
 * one track per drum group ({@link #usesGroup}) before the notes are written ({@link #emit}).
 */
final class DrumLoop {

    static final int CHANNEL = 9;

    static final int KICK = 0;
    static final int SNARE = 1;
    static final int CLAP = 2;
    static final int RIM = 3;
    static final int CHH = 4;
    static final int OHH = 5;
    static final int RIDE = 6;
    static final int TOM_H = 7;
    static final int TOM_M = 8;
    static final int TOM_L = 9;
    static final int CRASH = 10;
    static final int SHAKER = 11;
    static final int TAMB = 12;
    static final int CONGA_H = 13;
    static final int CONGA_L = 14;
    static final int BONGO = 15;
    static final int COWBELL = 16;
    static final int CLAVES = 17;
    static final int PEDAL = 18;

    /** General MIDI key of each slot: kick 36, snare 38, clap 39, side stick 37, hats 42/46, ride 51... */
    static final int[] NOTE = {36, 38, 39, 37, 42, 46, 51, 48, 45, 41, 49, 70, 54, 62, 64, 60, 56, 75, 44};
    /** Track group of each slot when drums are split over tracks. */
    static final int[] GROUP = {0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 2};
    static final String[] GROUP_NAMES = {"Kick", "Snare", "Hats", "Toms", "Perc"};
    static final int GROUPS = GROUP_NAMES.length;

    private static final int SLOTS = NOTE.length;
    private static final int[][] BOOM_BAP_KICKS = {{0, 10}, {0, 7, 10}, {0, 3, 10}, {0, 8, 11}, {0, 6, 10, 14}};
    private static final int[][] BACKBEAT_KICKS = {{0, 8}, {0, 8, 6}, {0, 8, 10}, {0, 8, 3, 10}, {0, 8, 6, 11}};

    /** One bar: velocity per slot and step (0 = silent); {@code roll[step] > 1} splits a closed hat into 32nds/triplets. */
    private static final class Bar {
        final int[][] vel;
        final int[] roll;

        Bar(int steps) {
            vel = new int[SLOTS][steps];
            roll = new int[steps];
        }

        Bar copy() {
            Bar b = new Bar(roll.length);
            for (int i = 0; i < SLOTS; i++) {
                System.arraycopy(vel[i], 0, b.vel[i], 0, roll.length);
            }
            System.arraycopy(roll, 0, b.roll, 0, roll.length);
            return b;
        }

        void set(int slot, int step, int velocity) {
            if (step < roll.length) {
                vel[slot][step] = velocity;
            }
        }

        void clear(int slot, int step) {
            vel[slot][step] = 0;
            if (slot == CHH) {
                roll[step] = 0;
            }
        }
    }

    private final List<Bar> bars;

    private DrumLoop(List<Bar> bars) {
        this.bars = bars;
    }

    /**
     * Composes the drum part.
     *
     * @param part {@link Part#DRUMS}, {@link Part#FILL}, {@link Part#TOP_LOOP} or {@link Part#FULL}
     */
    static DrumLoop compose(Grid grid, Genre genre, Part part, SplittableRandom r) {
        Meter meter = grid.meter();
        boolean rolls = grid.swingTicks() == 0;
        Bar base = part == Part.TOP_LOOP ? topLoop(meter, r) : groove(genre, meter, rolls, r);
        List<Bar> bars = new ArrayList<>(grid.bars());
        boolean fillAtEnd = part == Part.FILL || (part == Part.DRUMS && grid.bars() >= 4 && r.nextDouble() < 0.3);
        boolean crash = part == Part.FILL ? r.nextBoolean() : part != Part.TOP_LOOP && r.nextDouble() < 0.15;
        Genre.DrumStyle style = genre.drumStyle();
        boolean steadyKick = style == Genre.DrumStyle.FOUR_ON_FLOOR || style == Genre.DrumStyle.TECHNO
                || style == Genre.DrumStyle.DEMBOW || meter != Meter.FOUR_FOUR;
        for (int b = 0; b < grid.bars(); b++) {
            Bar bar = base.copy();
            if (part != Part.TOP_LOOP && !steadyKick && b % 2 == 1 && r.nextDouble() < 0.3) {
                int s = 2 + 4 * r.nextInt(4) + r.nextInt(2);
                if (bar.vel[KICK][s] == 0) {
                    bar.set(KICK, s, 100);
                }
            }
            if (b == grid.bars() - 1 && fillAtEnd) {
                fill(bar, meter, r);
            }
            if (b == 0 && crash) {
                bar.set(CRASH, 0, 110);
            }
            bars.add(bar);
        }
        return new DrumLoop(bars);
    }

    /** True when drum group {@code g} (see {@link #GROUP_NAMES}) has at least one note. */
    boolean usesGroup(int g) {
        for (Bar bar : bars) {
            for (int slot = 0; slot < SLOTS; slot++) {
                if (GROUP[slot] == g) {
                    for (int v : bar.vel[slot]) {
                        if (v > 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Writes the notes, in time order, to {@code sinks[group]} (the same sink for every group when not split). */
    void emit(Grid grid, NoteSink[] sinks, SplittableRandom r) {
        int stepTicks = grid.stepTicks();
        int[] used = usedSlots();
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            for (int s = 0; s < grid.steps(); s++) {
                long tick = grid.at(b, s);
                for (int slot : used) {
                    int v = bar.vel[slot][s];
                    if (v == 0) {
                        continue;
                    }
                    NoteSink sink = sinks[GROUP[slot]];
                    int jitter = v < 50 ? r.nextInt(-3, 4) : r.nextInt(-6, 7);
                    int n = slot == CHH ? Math.max(1, bar.roll[s]) : 1;
                    if (n == 1) {
                        sink.note(tick, CHANNEL, NOTE[slot], v + jitter, Math.max(1, stepTicks / 2));
                    } else {
                        int sub = stepTicks / n;
                        for (int k = 0; k < n; k++) {
                            sink.note(tick + (long) k * sub, CHANNEL, NOTE[slot], v - 10 + 8 * k + jitter,
                                    Math.max(1, sub / 2));
                        }
                    }
                }
            }
        }
    }

    /** The slots with at least one hit, in slot order (so same-step hits keep a fixed order). */
    private int[] usedSlots() {
        int[] used = new int[SLOTS];
        int n = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            boolean any = false;
            for (int b = 0; b < bars.size() && !any; b++) {
                for (int v : bars.get(b).vel[slot]) {
                    if (v > 0) {
                        any = true;
                        break;
                    }
                }
            }
            if (any) {
                used[n++] = slot;
            }
        }
        return java.util.Arrays.copyOf(used, n);
    }

    private static Bar groove(Genre genre, Meter meter, boolean rolls, SplittableRandom r) {
        Bar b = new Bar(meter.steps());
        if (meter != Meter.FOUR_FOUR) {
            oddMeter(b, meter, genre == Genre.JAZZ, r);
            return b;
        }
        switch (genre.drumStyle()) {
            case FOUR_ON_FLOOR -> {
                fourOnTheFloor(b, 115);
                int backbeat = r.nextInt(5) < 4 ? CLAP : SNARE;
                b.set(backbeat, 4, 105);
                b.set(backbeat, 12, 105);
                switch (r.nextInt(3)) {
                    case 0 -> every(b, CHH, 2, 4, 90);
                    case 1 -> {
                        for (int s = 0; s < 16; s++) {
                            b.set(CHH, s, s % 4 == 2 ? 95 : 55);
                        }
                    }
                    default -> {
                        every(b, OHH, 2, 4, 85);
                        every(b, CHH, 0, 4, 60);
                    }
                }
                if (r.nextDouble() < 0.4) {
                    if (r.nextBoolean()) {
                        for (int s = 0; s < 16; s++) {
                            b.set(SHAKER, s, s % 2 == 0 ? 70 : 50);
                        }
                    } else {
                        b.set(RIM, 3, 75);
                        b.set(RIM, 11, 75);
                    }
                }
            }
            case TECHNO -> {
                fourOnTheFloor(b, 120);
                if (r.nextDouble() < 0.3) {
                    b.set(KICK, r.nextBoolean() ? 14 : 15, 70);
                }
                for (int s = 0; s < 16; s++) {
                    b.set(CHH, s, s % 4 == 2 ? 85 : 55);
                }
                if (r.nextDouble() < 0.6) {
                    for (int s = 2; s < 16; s += 4) {
                        b.clear(CHH, s);
                        b.set(OHH, s, 90);
                    }
                }
                if (r.nextBoolean()) {
                    b.set(CLAP, 4, 100);
                    b.set(CLAP, 12, 100);
                }
                if (r.nextDouble() < 0.3) {
                    every(b, RIDE, 2, 4, 80);
                }
                if (r.nextBoolean()) {
                    int[] spots = {3, 6, 7, 11, 13, 15};
                    for (int k = 0; k < 2 + r.nextInt(2); k++) {
                        b.set(RIM, spots[r.nextInt(spots.length)], 80);
                    }
                }
            }
            case BOOM_BAP -> {
                for (int s : BOOM_BAP_KICKS[r.nextInt(BOOM_BAP_KICKS.length)]) {
                    b.set(KICK, s, 115);
                }
                b.set(SNARE, 4, 110);
                b.set(SNARE, 12, 110);
                eighthHats(b, 90, 70);
                if (r.nextDouble() < 0.4) {
                    ghostSnares(b, new int[] {3, 6, 9, 11, 14, 15}, 2, r);
                }
                if (r.nextDouble() < 0.2) {
                    b.clear(CHH, 14);
                    b.set(OHH, 14, 80);
                }
            }
            case TRAP -> {
                b.set(KICK, 0, 120);
                int[] spots = {3, 6, 7, 10, 11, 14};
                for (int k = 0; k < 2 + r.nextInt(2); k++) {
                    b.set(KICK, spots[r.nextInt(spots.length)], 115);
                }
                b.set(CLAP, 8, 115);
                if (r.nextBoolean()) {
                    b.set(SNARE, 8, 105);
                }
                if (r.nextBoolean()) {
                    eighthHats(b, 85, 80);
                } else {
                    for (int s = 0; s < 16; s++) {
                        b.set(CHH, s, s % 2 == 0 ? 85 : 60);
                    }
                }
                if (rolls) {
                    int[] rollSpots = {6, 7, 13, 14, 15};
                    for (int k = 0; k < 1 + r.nextInt(2); k++) {
                        int s = rollSpots[r.nextInt(rollSpots.length)];
                        b.set(CHH, s, 75);
                        b.roll[s] = 2 + r.nextInt(2);
                    }
                }
                if (r.nextDouble() < 0.3) {
                    int s = r.nextBoolean() ? 6 : 14;
                    b.clear(CHH, s);
                    b.set(OHH, s, 80);
                }
            }
            case BREAKBEAT -> {
                b.set(KICK, 0, 120);
                b.set(KICK, 10, 115);
                if (r.nextBoolean()) {
                    b.set(KICK, r.nextBoolean() ? 11 : 2, 105);
                }
                b.set(SNARE, 4, 115);
                b.set(SNARE, 12, 115);
                for (int s : new int[] {7, 9, 15}) {
                    if (r.nextBoolean()) {
                        b.set(SNARE, s, 40);
                    }
                }
                if (r.nextDouble() < 0.3) {
                    every(b, RIDE, 0, 2, 80);
                } else {
                    eighthHats(b, 85, 70);
                }
            }
            case BACKBEAT -> {
                for (int s : BACKBEAT_KICKS[r.nextInt(BACKBEAT_KICKS.length)]) {
                    b.set(KICK, s, 110);
                }
                b.set(SNARE, 4, 110);
                b.set(SNARE, 12, 110);
                if (r.nextDouble() < 0.3) {
                    b.set(CLAP, 4, 95);
                    b.set(CLAP, 12, 95);
                }
                if (r.nextDouble() < 0.3) {
                    for (int s = 0; s < 16; s++) {
                        b.set(CHH, s, s % 2 == 0 ? 80 : 55);
                    }
                } else {
                    eighthHats(b, 85, 70);
                }
                if (r.nextDouble() < 0.2) {
                    b.clear(CHH, 14);
                    b.set(OHH, 14, 80);
                }
            }
            case DEMBOW -> {
                fourOnTheFloor(b, 110);
                int snare = r.nextBoolean() ? SNARE : RIM;
                for (int s : new int[] {3, 6, 11, 14}) {
                    b.set(snare, s, 100);
                }
                if (r.nextDouble() < 0.6) {
                    eighthHats(b, 75, 65);
                }
            }
            case AFRO -> {
                b.set(KICK, 0, 110);
                b.set(KICK, 8, 110);
                b.set(KICK, r.nextBoolean() ? 6 : 10, 100);
                int clave = r.nextBoolean() ? CLAVES : RIM;
                for (int s : new int[] {0, 3, 6, 10, 12}) {
                    b.set(clave, s, 85);
                }
                for (int s = 0; s < 16; s++) {
                    b.set(SHAKER, s, s % 2 == 0 ? 70 : 50);
                }
                if (r.nextDouble() < 0.7) {
                    b.set(CONGA_H, 2, 80);
                    b.set(CONGA_H, 10, 80);
                    b.set(CONGA_L, 7, 85);
                    b.set(CONGA_L, 14, 85);
                }
                if (r.nextBoolean()) {
                    b.set(CLAP, 4, 95);
                    b.set(CLAP, 12, 95);
                }
                if (r.nextDouble() < 0.4) {
                    eighthHats(b, 65, 60);
                }
            }
            default -> throw new IllegalStateException("style " + genre.drumStyle());
        }
        return b;
    }

    /** Kick on the first beat group, then snare and kick alternating on the others; hats or a jazz ride on eighths. */
    private static void oddMeter(Bar b, Meter meter, boolean ride, SplittableRandom r) {
        b.set(KICK, meter.group(0), 115);
        for (int i = 1; i < meter.groupCount(); i++) {
            b.set(i % 2 == 1 ? SNARE : KICK, meter.group(i), i % 2 == 1 ? 105 : 100);
        }
        if (ride) {
            for (int i = 0; i < meter.groupCount(); i++) {
                int g = meter.group(i);
                int next = i + 1 < meter.groupCount() ? meter.group(i + 1) : meter.steps();
                b.set(RIDE, g, 85);
                if (g + 3 < next) {
                    b.set(RIDE, g + 3, 65);
                }
                if (i % 2 == 1) {
                    b.set(PEDAL, g, 60);
                }
            }
        } else {
            for (int s = 0; s < meter.steps(); s += 2) {
                b.set(CHH, s, meter.isGroupStart(s) ? 90 : 70);
            }
        }
        if (r.nextDouble() < 0.3) {
            int s = 1 + 2 * r.nextInt(meter.steps() / 2);
            if (b.vel[SNARE][s] == 0) {
                b.set(SNARE, s, 35);
            }
        }
    }

    private static Bar topLoop(Meter meter, SplittableRandom r) {
        int steps = meter.steps();
        Bar b = new Bar(steps);
        boolean sixteenths = r.nextBoolean();
        for (int s = 0; s < steps; s += sixteenths ? 1 : 2) {
            b.set(CHH, s, s % 2 == 0 ? 80 : 55);
        }
        if (r.nextBoolean()) {
            for (int s = 2; s < steps; s += 4) {
                b.clear(CHH, s);
                b.set(OHH, s, 80);
            }
        }
        if (r.nextBoolean()) {
            for (int s = 0; s < steps; s++) {
                b.set(SHAKER, s, s % 2 == 0 ? 70 : 50);
            }
        }
        if (r.nextDouble() < 0.4) {
            for (int i = 1; i < meter.groupCount(); i += 2) {
                b.set(TAMB, meter.group(i), 85);
            }
        }
        if (r.nextBoolean()) {
            int[] drums = {CONGA_H, CONGA_L, BONGO};
            for (int k = 0; k < 4 + r.nextInt(3); k++) {
                b.set(drums[r.nextInt(drums.length)], r.nextInt(steps), 70 + r.nextInt(26));
            }
        }
        if (r.nextDouble() < 0.3) {
            int[] perc = {RIM, COWBELL, CLAVES};
            int slot = perc[r.nextInt(perc.length)];
            for (int k = 0; k < 2 + r.nextInt(2); k++) {
                b.set(slot, r.nextInt(steps), 80);
            }
        }
        return b;
    }

    /** Replaces the end of the bar with a tom run or a snare roll, getting louder. */
    private static void fill(Bar b, Meter meter, SplittableRandom r) {
        int steps = meter.steps();
        int from = steps >= 12 && r.nextBoolean() ? steps - 4 : steps / 2;
        for (int s = from; s < steps; s++) {
            for (int slot : new int[] {KICK, SNARE, CLAP, RIM, CHH, OHH, RIDE, PEDAL}) {
                b.clear(slot, s);
            }
        }
        boolean toms = r.nextDouble() < 0.6;
        int length = steps - from;
        for (int s = from; s < steps; s++) {
            int v = 80 + 40 * (s - from) / length;
            if (toms) {
                int[] order = {TOM_H, TOM_M, TOM_L};
                b.set(order[Math.min(2, (s - from) * 3 / length)], s, v);
            } else {
                b.set(SNARE, s, v - 15);
            }
        }
        b.set(KICK, from, 110);
    }

    private static void fourOnTheFloor(Bar b, int velocity) {
        for (int s = 0; s < 16; s += 4) {
            b.set(KICK, s, velocity);
        }
    }

    private static void every(Bar b, int slot, int first, int interval, int velocity) {
        for (int s = first; s < b.roll.length; s += interval) {
            b.set(slot, s, velocity);
        }
    }

    private static void eighthHats(Bar b, int onBeat, int offBeat) {
        for (int s = 0; s < b.roll.length; s += 2) {
            b.set(CHH, s, s % 4 == 0 ? onBeat : offBeat);
        }
    }

    private static void ghostSnares(Bar b, int[] spots, int count, SplittableRandom r) {
        for (int k = 0; k < count; k++) {
            int s = spots[r.nextInt(spots.length)];
            if (b.vel[SNARE][s] == 0) {
                b.set(SNARE, s, 35);
            }
        }
    }
}
