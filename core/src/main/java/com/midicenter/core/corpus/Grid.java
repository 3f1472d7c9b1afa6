package com.midicenter.core.corpus;

/**
 * The loop's time grid: sixteenth-note steps, bars of the meter, and swing of the odd sixteenths.
 *
 * @param ppq        ticks per quarter note (a multiple of 12, so 32nds and sixteenth triplets fit)
 * @param meter      the meter
 * @param bars       loop length in bars
 * @param swing      MPC-style swing percent, 50 = straight
 */
record Grid(int ppq, Meter meter, int bars, int swing) {

    Grid {
        if (ppq <= 0 || ppq % 12 != 0) {
            throw new IllegalArgumentException("ppq=" + ppq);
        }
        if (bars <= 0 || swing < 50 || swing > 75) {
            throw new IllegalArgumentException("bars=" + bars + " swing=" + swing);
        }
    }

    int stepTicks() {
        return ppq / 4;
    }

    int steps() {
        return meter.steps();
    }

    long barTicks() {
        return (long) meter.steps() * stepTicks();
    }

    /** Ticks the odd sixteenths are delayed by. */
    int swingTicks() {
        return (int) Math.round((swing - 50) / 50.0 * stepTicks());
    }

    /** Absolute tick of sixteenth {@code step} (0..steps-1) of bar {@code bar}. */
    long at(int bar, int step) {
        return bar * barTicks() + (long) step * stepTicks() + ((step & 1) == 1 ? swingTicks() : 0);
    }

    /** The loop length in ticks. */
    long end() {
        return bars * barTicks();
    }

    /**
     * The duration of a note at {@code step} of {@code bar} that lasts until {@code steps} sixteenths later,
     * swing included, shortened by a small gap so a note never touches the next one.
     */
    long span(int bar, int step, int steps) {
        return Math.max(1, at(bar, step + steps) - at(bar, step) - Math.max(1, stepTicks() / 6));
    }
}
