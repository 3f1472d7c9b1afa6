package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.Arrays;

/**
 * Where bars and beats fall and what second a tick is: the tempo map and the meter map of one file.
 *
 * <p>Files in SMPTE time have no beats; they are treated as 120 BPM in 4/4 with {@link #ppq()} ticks per
 * quarter so that bar-based analysers still see bars. At most {@link #MAX_BARS} bars are laid out (hostile
 * lengths); analysers look at those.
 */
public final class Timeline {

    /** Bars laid out at most; later notes count in the last bar. */
    public static final int MAX_BARS = 1 << 14;

    private final int ppq;
    private final boolean smpte;
    private final double smpteTicksPerSecond;
    private final TempoMap tempo;
    private final MeterMap meters;
    private final long endTick;
    private final int barCount;
    private final long[] barStarts; // barCount + 1 entries; the last is where the last bar ends
    private final int[] barNumerators;
    private final int[] barDenominators;
    private final double[] tempoSeconds; // seconds at each tempo event

    private Timeline(MidiFile file) {
        this.smpte = file.division().isSmpte();
        this.smpteTicksPerSecond = smpte ? file.division().smpteTicksPerSecond() : 0;
        this.ppq = smpte ? Math.max(1, (int) Math.round(smpteTicksPerSecond / 2)) : file.ppq();
        this.tempo = TempoMap.of(file);
        this.meters = MeterMap.of(file);
        this.endTick = file.lastTick();
        this.tempoSeconds = new double[tempo.size()];
        if (!smpte) {
            // one pass, the same sums as tempo.seconds(tick(k)) for each k (which made 20,000 tempo events cost
            // 200 million steps): events at one tick add 0
            double micros = 0;
            long position = 0;
            int us = SummaryAnalyzer.DEFAULT_MICROS_PER_QUARTER;
            for (int k = 0; k < tempo.size(); k++) {
                micros += (double) (tempo.tick(k) - position) * us / ppq;
                position = tempo.tick(k);
                us = tempo.micros(k);
                tempoSeconds[k] = micros / 1_000_000.0;
            }
        }
        // bars: a meter change starts a new bar; the last bar is counted when it is more than a sliver long
        int bars = smpte ? barsAt44(endTick) : meters.bars(endTick, ppq);
        bars = Math.max(1, Math.min(MAX_BARS, bars));
        long[] starts = new long[bars + 1];
        int[] nums = new int[bars];
        int[] dens = new int[bars];
        long position = 0;
        int k = 0;
        int num = 4;
        int den = 4;
        for (int b = 0; b < bars; b++) {
            while (!smpte && k < meters.size() && meters.tick(k) <= position) {
                num = meters.numerator(k);
                den = meters.denominator(k);
                k++;
            }
            long length = Math.max(1, (long) ppq * 4 * num / den);
            starts[b] = position;
            nums[b] = num;
            dens[b] = den;
            long next = position + length;
            if (!smpte && k < meters.size() && meters.tick(k) < next && meters.tick(k) > position) {
                next = meters.tick(k); // a meter change cuts the bar short
            }
            position = next;
        }
        starts[bars] = position;
        this.barCount = bars;
        this.barStarts = starts;
        this.barNumerators = nums;
        this.barDenominators = dens;
    }

    private int barsAt44(long ticks) {
        long perBar = 4L * ppq;
        double bars = (double) ticks / perBar;
        double whole = Math.floor(bars);
        return (int) Math.min(Integer.MAX_VALUE, bars - whole > SummaryAnalyzer.BAR_TAIL_TOLERANCE ? whole + 1 : whole);
    }

    public static Timeline of(MidiFile file) {
        return new Timeline(file);
    }

    /** Ticks per quarter note (for SMPTE files: ticks per half second). */
    public int ppq() {
        return ppq;
    }

    public boolean isSmpte() {
        return smpte;
    }

    /** Tick of the file's last event. */
    public long endTick() {
        return endTick;
    }

    /** Bars laid out, at least 1 and at most {@link #MAX_BARS}. */
    public int barCount() {
        return barCount;
    }

    /** First tick of bar {@code bar} (0-based); {@code barStart(barCount())} is where the last bar ends. */
    public long barStart(int bar) {
        return barStarts[bar];
    }

    /** Length of bar {@code bar} in ticks. */
    public long barTicks(int bar) {
        return barStarts[bar + 1] - barStarts[bar];
    }

    /** Time-signature numerator in force in {@code bar}. */
    public int numerator(int bar) {
        return barNumerators[bar];
    }

    /** Time-signature denominator in force in {@code bar}. */
    public int denominator(int bar) {
        return barDenominators[bar];
    }

    /** Ticks of one beat (the meter's denominator note) in {@code bar}. */
    public long beatTicks(int bar) {
        return Math.max(1, (long) ppq * 4 / barDenominators[bar]);
    }

    /** The bar {@code tick} falls in (0-based); ticks after the last laid-out bar count in the last bar. */
    public int barOf(long tick) {
        int i = Arrays.binarySearch(barStarts, 0, barCount, tick);
        int bar = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(barCount - 1, bar));
    }

    /** Seconds from the start to {@code tick}, through the tempo map (120 BPM before the first tempo event). */
    public double seconds(long tick) {
        if (smpte) {
            return tick / smpteTicksPerSecond;
        }
        int k = tempo.size() == 0 ? -1 : lastTempoAtOrBefore(tick);
        if (k < 0) {
            return tick * (double) SummaryAnalyzer.DEFAULT_MICROS_PER_QUARTER / ppq / 1_000_000.0;
        }
        return tempoSeconds[k] + (tick - tempo.tick(k)) * (double) tempo.micros(k) / ppq / 1_000_000.0;
    }

    private int lastTempoAtOrBefore(long tick) {
        int lo = 0;
        int hi = tempo.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tempo.tick(mid) <= tick) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Tempo events (after merging several at one tick). */
    public int tempoCount() {
        return tempo.size();
    }

    /** Tick of tempo event {@code k}. */
    public long tempoTick(int k) {
        return tempo.tick(k);
    }

    /** BPM of tempo event {@code k}. */
    public double tempoBpm(int k) {
        return 60_000_000.0 / tempo.micros(k);
    }

    /** Microseconds per quarter of tempo event {@code k}. */
    public int tempoMicros(int k) {
        return tempo.micros(k);
    }

    /** Time-signature events (after merging several at one tick). */
    public int meterCount() {
        return meters.size();
    }

    public long meterTick(int k) {
        return meters.tick(k);
    }

    public int meterNumerator(int k) {
        return meters.numerator(k);
    }

    public int meterDenominator(int k) {
        return meters.denominator(k);
    }

    TempoMap tempoMap() {
        return tempo;
    }

    MeterMap meterMap() {
        return meters;
    }
}
