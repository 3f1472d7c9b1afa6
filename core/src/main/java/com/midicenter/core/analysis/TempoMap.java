package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.Arrays;

/** Tempo events of all tracks in tick order. */
final class TempoMap {
    private final long[] ticks;
    private final int[] micros;
    private final int size;

    private TempoMap(long[] ticks, int[] micros, int size) {
        this.ticks = ticks;
        this.micros = micros;
        this.size = size;
    }

    static TempoMap of(MidiFile file) {
        int n = 0;
        long[] rawTicks = new long[4];
        int[] rawMicros = new int[4];
        for (int i = 0; i < file.eventCount() && n < SummaryAnalyzer.MAX_MAP_EVENTS; i++) {
            if (file.isMeta(i) && file.metaType(i) == 0x51 && file.payloadLength(i) >= 3) {
                int us = (file.payloadByte(i, 0) << 16) | (file.payloadByte(i, 1) << 8) | file.payloadByte(i, 2);
                if (us == 0) {
                    continue; // a zero tempo would mean infinite speed: ignore it
                }
                if (n == rawTicks.length) {
                    rawTicks = Arrays.copyOf(rawTicks, n * 2);
                    rawMicros = Arrays.copyOf(rawMicros, n * 2);
                }
                rawTicks[n] = file.tick(i);
                rawMicros[n] = us;
                n++;
            }
        }
        int[] order = SummaryAnalyzer.stableOrderByTick(rawTicks, n);
        long[] ticks = new long[n];
        int[] micros = new int[n];
        int size = 0;
        for (int k = 0; k < n; k++) {
            long tick = rawTicks[order[k]];
            int us = rawMicros[order[k]];
            if (size > 0 && ticks[size - 1] == tick) {
                micros[size - 1] = us; // several tempos at one tick: the last one in file order counts
            } else {
                ticks[size] = tick;
                micros[size] = us;
                size++;
            }
        }
        return new TempoMap(ticks, micros, size);
    }

    int size() {
        return size;
    }

    long tick(int k) {
        return ticks[k];
    }

    int micros(int k) {
        return micros[k];
    }

    int distinctValues() {
        return (int) Arrays.stream(micros, 0, size).distinct().count();
    }

    int changes() {
        int changes = 0;
        for (int k = 1; k < size; k++) {
            if (micros[k] != micros[k - 1]) {
                changes++;
            }
        }
        return changes;
    }

    /** Micros per quarter in force at {@code tick}. */
    int microsAt(long tick) {
        int us = SummaryAnalyzer.DEFAULT_MICROS_PER_QUARTER;
        for (int k = 0; k < size && ticks[k] <= tick; k++) {
            us = micros[k];
        }
        return us;
    }

    /** Seconds from tick 0 to {@code endTick}. Before the first tempo event the SMF default of 120 BPM applies. */
    double seconds(long endTick, int ppq) {
        double micros = 0;
        long position = 0;
        int us = SummaryAnalyzer.DEFAULT_MICROS_PER_QUARTER;
        for (int k = 0; k < size && ticks[k] < endTick; k++) {
            micros += (double) (ticks[k] - position) * us / ppq;
            position = ticks[k];
            us = this.micros[k];
        }
        micros += (double) (endTick - position) * us / ppq;
        return micros / 1_000_000.0;
    }

    /** BPM weighted by how many ticks each tempo lasts (from the first tempo event on). */
    double weightedBpm(long endTick) {
        if (size == 1 || endTick <= ticks[0]) {
            return 60_000_000.0 / micros[0];
        }
        double weighted = 0;
        long total = 0;
        for (int k = 0; k < size; k++) {
            long from = ticks[k];
            long to = k + 1 < size ? Math.min(ticks[k + 1], endTick) : endTick;
            if (to <= from) {
                continue;
            }
            weighted += (to - from) * (60_000_000.0 / micros[k]);
            total += to - from;
        }
        return total == 0 ? 60_000_000.0 / micros[size - 1] : weighted / total;
    }
}

