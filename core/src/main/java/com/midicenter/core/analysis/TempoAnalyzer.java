package com.midicenter.core.analysis;

import com.midicenter.core.analysis.MidiSummary.BpmSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Tempo of a file: its tempo map and one BPM with its source.
 *
 * <ul>
 *   <li>Tempo events win ({@code META}), except a lone 120 BPM event (what sequencers write when nobody set a
 *       tempo) when the file name unmistakably states another tempo: then the name is right ({@code FILENAME}).</li>
 *   <li>No tempo event: the name's tempo if it has one.</li>
 *   <li>Neither, and the notes are off the tick grid (a performance recorded without a click): the beat is
 *       estimated from the onsets in seconds ({@code ESTIMATED}, with a confidence). Quantised files without a tempo
 *       give no estimate: a grid says nothing about the speed, and 120 is never presented as if it were known.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TempoAnalyzer {

    /** Tempo-map entries kept at most (a tempo ramp can have thousands). */
    public static final int MAX_MAP = 64;

    /** Onset-signal resolution for the estimate, seconds. */
    private static final double FRAME = 0.01;
    /** Seconds of music looked at for an estimate. */
    private static final double WINDOW = 60;
    private static final double MIN_BPM = 50;
    private static final double MAX_BPM = 220;
    /** Share of onsets on a 1/16 or triplet grid above which a file counts as quantised. */
    private static final double ON_GRID_SHARE = 0.8;

    /**
     * @param timeline the file's timeline
     * @param notes    its notes
     * @param nameBpm  the tempo written in its name, or {@code null}
     * @param strong   the name's tempo is unmistakable (a {@code bpm} marker...): only then does it overrule a lone
     *                 120 BPM tempo event
     */
    public TempoResult analyze(Timeline timeline, Notes notes, Double nameBpm, boolean strong) {
        List<TempoResult.Change> changes = changes(timeline);
        TempoMap tempo = timeline.tempoMap();
        if (tempo.size() > 0) {
            boolean softwareDefault = tempo.distinctValues() == 1
                    && tempo.micros(0) == SummaryAnalyzer.DEFAULT_MICROS_PER_QUARTER;
            if (softwareDefault && nameBpm != null && strong && Math.abs(nameBpm - 120.0) > 0.01) {
                return new TempoResult(nameBpm, BpmSource.FILENAME, 1, changes);
            }
            double bpm = SummaryAnalyzer.round2(tempo.weightedBpm(timeline.endTick()));
            return new TempoResult(bpm, BpmSource.META, 1, changes);
        }
        if (nameBpm != null) {
            return new TempoResult(nameBpm, BpmSource.FILENAME, 1, changes);
        }
        if (notes.count() >= 8 && !onGrid(timeline, notes)) {
            double[] estimate = estimate(timeline, notes);
            if (estimate != null) {
                return new TempoResult(estimate[0], BpmSource.ESTIMATED, estimate[1], changes);
            }
        }
        return new TempoResult(null, BpmSource.DEFAULT, 0, changes);
    }

    private static List<TempoResult.Change> changes(Timeline timeline) {
        List<TempoResult.Change> changes = new ArrayList<>();
        double last = -1;
        for (int k = 0; k < timeline.tempoCount() && changes.size() < MAX_MAP; k++) {
            double bpm = SummaryAnalyzer.round2(timeline.tempoBpm(k));
            if (bpm != last) {
                long tick = timeline.tempoTick(k);
                changes.add(new TempoResult.Change(tick, SummaryAnalyzer.round3(timeline.seconds(tick)), bpm));
                last = bpm;
            }
        }
        return changes;
    }

    /** True when most onsets sit on a 1/16 or 1/8-triplet grid of the file's ticks. */
    static boolean onGrid(Timeline timeline, Notes notes) {
        int ppq = timeline.ppq();
        if (ppq < 24) {
            return true; // too coarse to tell a performance from a grid
        }
        long tolerance = Math.max(1, ppq / 48);
        int on = 0;
        int total = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < notes.count(); i++) {
            long tick = notes.start(i);
            if (tick == previous) {
                continue;
            }
            previous = tick;
            total++;
            if (near(tick, ppq / 4.0, tolerance) || near(tick, ppq / 6.0, tolerance)) {
                on++;
            }
        }
        return on >= ON_GRID_SHARE * total;
    }

    /** Kicks and snares mark the beat; hats and cymbals subdivide it. */
    private static double drumWeight(int key) {
        return switch (key) {
            case 35, 36, 38, 39, 40 -> 1.0;
            case 42, 44, 46, 49, 51, 52, 53, 55, 57, 59 -> 0.35;
            default -> 0.6;
        };
    }

    private static boolean near(long tick, double step, long tolerance) {
        double r = tick % step;
        return r <= tolerance || step - r <= tolerance;
    }

    /**
     * Beat period from the autocorrelation of a velocity-weighted onset signal (10 ms frames), with a log-normal
     * preference around 120 BPM that settles double/half ambiguities the way listeners do.
     *
     * @return {bpm, confidence} or {@code null} when there is not enough to go on
     */
    static double[] estimate(Timeline timeline, Notes notes) {
        int frames = (int) Math.min(WINDOW / FRAME, timeline.seconds(notes.start(notes.count() - 1)) / FRAME + 2);
        int maxLag = (int) Math.ceil(60.0 / MIN_BPM / FRAME) + 2;
        if (frames < 2 * (int) (60.0 / MAX_BPM / FRAME)) {
            return null;
        }
        double[] signal = new double[frames + 1];
        for (int i = 0; i < notes.count(); i++) {
            double t = timeline.seconds(notes.start(i)) / FRAME;
            int f = (int) t;
            if (f >= frames) {
                break;
            }
            double frac = t - f;
            double v = notes.velocity(i) / 127.0;
            double w = (0.2 + v * v) * (notes.isDrum(i) ? drumWeight(notes.pitch(i)) : 1.0);
            signal[f] += w * (1 - frac); // split between neighbouring frames: sub-frame timing survives
            signal[f + 1] += w * frac;
        }
        int minLag = (int) Math.floor(60.0 / MAX_BPM / FRAME);
        maxLag = Math.min(maxLag, frames - 1);
        double[] ac = new double[maxLag + 2];
        for (int lag = Math.max(1, minLag - 1); lag <= maxLag + 1 && lag < frames; lag++) {
            double sum = 0;
            for (int f = 0; f + lag <= frames; f++) {
                sum += signal[f] * (signal[f + lag] + 0.5 * (f + lag + 1 <= frames ? signal[f + lag + 1] : 0)
                        + 0.5 * (f + lag - 1 >= 0 ? signal[f + lag - 1] : 0));
            }
            ac[lag] = sum;
        }
        double energy = 0;
        for (double s : signal) {
            energy += s * s;
        }
        if (energy == 0) {
            return null;
        }
        int best = -1;
        double bestScore = 0;
        double second = 0;
        for (int lag = Math.max(1, minLag); lag <= maxLag; lag++) {
            // a beat period also lines up with its double: reward periods whose multiples are strong too
            double support = ac[lag] + (2 * lag <= maxLag + 1 ? 0.5 * ac[Math.min(2 * lag, ac.length - 1)] : 0);
            double bpm = 60.0 / (lag * FRAME);
            double prior = Math.exp(-0.5 * Math.pow(Math.log(bpm / 120.0) / Math.log(2) / 0.9, 2));
            double score = support * prior;
            if (score > bestScore) {
                if (best < 0 || Math.abs(lag - best) > 2) {
                    second = bestScore;
                }
                bestScore = score;
                best = lag;
            } else if (score > second && Math.abs(lag - best) > 2) {
                second = score;
            }
        }
        if (best < 0) {
            return null;
        }
        // parabolic interpolation around the peak for sub-frame precision
        double period = best;
        if (best > 1 && best + 1 < ac.length) {
            double a = ac[best - 1];
            double b = ac[best];
            double c = ac[best + 1];
            double denominator = a - 2 * b + c;
            if (denominator < 0) {
                period += 0.5 * (a - c) / denominator;
            }
        }
        double bpm = Math.round(600.0 / (period * FRAME)) / 10.0;
        double confidence = bestScore <= 0 ? 0 : Math.max(0, Math.min(1, 1 - second / bestScore));
        return new double[] {bpm, SummaryAnalyzer.round2(confidence)};
    }
}
