package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.Arrays;

/** Time-signature events of all tracks in tick order. */
final class MeterMap {
    private final long[] ticks;
    private final int[] numerators;
    private final int[] denominators;
    private final int size;

    private MeterMap(long[] ticks, int[] numerators, int[] denominators, int size) {
        this.ticks = ticks;
        this.numerators = numerators;
        this.denominators = denominators;
        this.size = size;
    }

    static MeterMap of(MidiFile file) {
        int n = 0;
        long[] rawTicks = new long[4];
        int[] rawNums = new int[4];
        int[] rawPows = new int[4];
        for (int i = 0; i < file.eventCount() && n < SummaryAnalyzer.MAX_MAP_EVENTS; i++) {
            if (!file.isMeta(i) || file.metaType(i) != 0x58 || file.payloadLength(i) < 2) {
                continue;
            }
            int num = file.payloadByte(i, 0);
            int pow = file.payloadByte(i, 1);
            if (num == 0 || pow > 6) {
                continue; // invalid: the reader warned about it
            }
            if (n == rawTicks.length) {
                rawTicks = Arrays.copyOf(rawTicks, n * 2);
                rawNums = Arrays.copyOf(rawNums, n * 2);
                rawPows = Arrays.copyOf(rawPows, n * 2);
            }
            rawTicks[n] = file.tick(i);
            rawNums[n] = num;
            rawPows[n] = pow;
            n++;
        }
        int[] order = SummaryAnalyzer.stableOrderByTick(rawTicks, n);
        long[] ticks = new long[n];
        int[] nums = new int[n];
        int[] dens = new int[n];
        int size = 0;
        for (int k = 0; k < n; k++) {
            int j = order[k];
            if (size > 0 && ticks[size - 1] == rawTicks[j]) {
                size--; // several meters at one tick: the last one in file order counts
            }
            ticks[size] = rawTicks[j];
            nums[size] = rawNums[j];
            dens[size] = 1 << rawPows[j];
            size++;
        }
        return new MeterMap(ticks, nums, dens, size);
    }

    int size() {
        return size;
    }

    long tick(int k) {
        return ticks[k];
    }

    int numerator(int k) {
        return numerators[k];
    }

    int denominator(int k) {
        return denominators[k];
    }

    String first() {
        return size == 0 ? "4/4" : numerators[0] + "/" + denominators[0];
    }

    int changes() {
        int changes = 0;
        for (int k = 1; k < size; k++) {
            if (numerators[k] != numerators[k - 1] || denominators[k] != denominators[k - 1]) {
                changes++;
            }
        }
        return changes;
    }

    /** Bars from tick 0 to {@code endTick}; a tail shorter than 1/16 of a bar does not start a new bar. */
    int bars(long endTick, int ppq) {
        double bars = 0;
        long position = 0;
        int num = 4;
        int den = 4;
        for (int k = 0; k < size && ticks[k] < endTick; k++) {
            bars += (ticks[k] - position) / ticksPerBar(ppq, num, den);
            // a meter change starts a new bar even after a partial one
            bars = Math.ceil(bars - 1e-9);
            position = ticks[k];
            num = numerators[k];
            den = denominators[k];
        }
        bars += (endTick - position) / ticksPerBar(ppq, num, den);
        double whole = Math.floor(bars);
        double tail = bars - whole;
        double result = tail > SummaryAnalyzer.BAR_TAIL_TOLERANCE ? whole + 1 : whole;
        return (int) Math.min(Integer.MAX_VALUE, result);
    }

    private static double ticksPerBar(int ppq, int num, int den) {
        return ppq * 4.0 * num / den;
    }
}
