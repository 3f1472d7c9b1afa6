package com.midicenter.core.analysis;

/**
 * Measures MPC-style swing from the timing of off-beat onsets relative to the bar's grid, in ticks.
 *
 * <p>Swing {@code s} moves every second sixteenth of an eighth-note pair to {@code s}% of the pair: 50 is
 * straight, 66 a triplet feel, 75 a dotted feel. It is measured on sixteenths when the part plays any (an onset
 * on the second sixteenth of a beat, or both the off-beat eighth and the fourth sixteenth), else on eighths (the
 * off-beat eighth at {@code s}% of the beat). Each distinct onset tick counts once, whatever plays there; an
 * onset less than 3/4 of a sixteenth after the previous one (a roll, flam or strum) is not used, so hat rolls in
 * 32nds or triplets do not read as swing. The estimate is the most common position (histogram mode over 1%
 * bins, smoothed over ±2) refined by the mean of the positions near it, so timing jitter averages out.
 *
 * <p>Positions are taken from the start of each bar, so bars of any meter work; in compound and odd meters
 * swing is still read on the sixteenth grid. Stateless and thread-safe; allocates two small arrays per call.
 */
public final class Swing {

    /** Every channel. */
    public static final int ALL_CHANNELS = 0xFFFF;
    /** Channel 10 only. */
    public static final int DRUM_CHANNELS = 1 << GeneralMidi.DRUM_CHANNEL;
    /** Every channel but 10. */
    public static final int PITCHED_CHANNELS = ALL_CHANNELS & ~DRUM_CHANNELS;

    private Swing() {
    }

    /**
     * Swing of the onsets on the channels in {@code channelMask} (bit {@code c} = 0-based channel {@code c}).
     *
     * @return 0 when those channels have no notes, 50 when nothing is played off the beat grid's on-positions
     *         (straight, or unobservable), else 50..75
     */
    public static int percent(Notes notes, Timeline timeline, int channelMask) {
        Estimate e = estimate(notes, timeline, channelMask);
        if (e.onsets() == 0) {
            return 0;
        }
        return e.evidence() == 0 ? 50 : clamp(e.percent());
    }

    static int clamp(double percent) {
        return (int) Math.max(50, Math.min(75, Math.round(percent)));
    }

    /**
     * @param percent    the swing (unclamped), NaN without evidence
     * @param sixteenths measured on the sixteenth level (else on eighths)
     * @param onsets     distinct onset ticks seen
     * @param evidence   onsets that told the swing
     */
    record Estimate(double percent, boolean sixteenths, int onsets, int evidence) {
    }

    static Estimate estimate(Notes notes, Timeline timeline, int channelMask) {
        int ppq = timeline.ppq();
        double quarter = ppq;
        double minGap = 0.75 * quarter / 4;
        int[] hist16 = new int[101];
        int[] hist8 = new int[101];
        int onsets = 0;
        int onEighth = 0;
        int secondSixteenth = 0;
        int fourthSixteenth = 0;
        long previous = Long.MIN_VALUE;
        int bar = 0;
        int bars = timeline.barCount();
        for (int i = 0; i < notes.count(); i++) {
            if ((channelMask >>> notes.channel(i) & 1) == 0) {
                continue;
            }
            long t = notes.start(i);
            if (t == previous) {
                continue;
            }
            long gap = onsets == 0 ? Long.MAX_VALUE : t - previous;
            previous = t;
            onsets++;
            while (bar + 1 < bars && timeline.barStart(bar + 1) <= t) {
                bar++;
            }
            double phase = ((t - timeline.barStart(bar)) % ppq) / quarter; // 0..1 within the beat (quarter)
            if (Math.abs(phase - 0.5) <= 0.04) {
                onEighth++;
            }
            if (gap < minGap) {
                continue;
            }
            if (phase >= 0.2 && phase <= 0.45) {
                secondSixteenth++;
            } else if (phase >= 0.7 && phase <= 0.95) {
                fourthSixteenth++;
            }
            double inPair = (phase >= 0.5 ? phase - 0.5 : phase) * 2; // 0..1 within the eighth
            if (inPair >= 0.42 && inPair <= 0.84) {
                hist16[(int) Math.round(inPair * 100)]++;
            }
            if (phase >= 0.42 && phase <= 0.84) {
                hist8[(int) Math.round(phase * 100)]++;
            }
        }
        boolean sixteenths = secondSixteenth > 0 || (onEighth > 0 && fourthSixteenth > 0);
        int[] h = sixteenths ? hist16 : hist8;
        int best = -1;
        int bestScore = 0;
        for (int k = 42; k <= 84; k++) {
            int score = 0;
            for (int j = Math.max(0, k - 2); j <= Math.min(100, k + 2); j++) {
                score += h[j];
            }
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        if (best < 0) {
            return new Estimate(Double.NaN, sixteenths, onsets, 0);
        }
        long sum = 0;
        int n = 0;
        for (int j = Math.max(0, best - 4); j <= Math.min(100, best + 4); j++) {
            sum += (long) j * h[j];
            n += h[j];
        }
        return new Estimate((double) sum / n, sixteenths, onsets, n);
    }
}
