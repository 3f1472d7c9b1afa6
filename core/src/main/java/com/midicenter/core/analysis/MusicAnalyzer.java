package com.midicenter.core.analysis;

import com.midicenter.core.midi.MidiFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The full musical analysis of one file: runs every analyser over one parse and one note list.
 *
 * <p>Stateless and thread-safe.
 */
public final class MusicAnalyzer {

    /**
     * Version of the analysis; stored with each result. Raise it when a change to any analyser should make
     * {@code analyze} redo files analysed before.
     */
    public static final int VERSION = 2;

    /** Meter-map entries kept at most. */
    static final int MAX_METERS = 64;

    private final SummaryAnalyzer summaries = new SummaryAnalyzer();
    private final TempoAnalyzer tempos = new TempoAnalyzer();
    private final KeyAnalyzer keys = new KeyAnalyzer();
    private final ChordAnalyzer chords = new ChordAnalyzer();
    private final DrumAnalyzer drums = new DrumAnalyzer();
    private final InstrumentAnalyzer instruments = new InstrumentAnalyzer();
    private final ShapeAnalyzer shapes = new ShapeAnalyzer();

    public MusicAnalysis analyze(MidiFile file, Hints hints) {
        MidiSummary summary = summaries.summarize(file, hints.fileName());
        Timeline timeline = Timeline.of(file);
        Notes notes = Notes.of(file);
        TempoResult tempo = tempos.analyze(timeline, notes, hints.bpm(), hints.bpmStrong());
        KeyResult key = keys.analyze(file, notes, hints.key());
        ChordResult chordResult = chords.analyze(notes, timeline, key.key());
        return new MusicAnalysis(summary, tempo, meters(timeline), key, chordResult, drums.analyze(notes, timeline),
                instruments.analyze(file, notes, hints.pathWords()), shapes.analyze(notes, timeline));
    }

    static List<String> meters(Timeline timeline) {
        List<String> meters = new ArrayList<>();
        String last = null;
        for (int k = 0; k < timeline.meterCount() && meters.size() < MAX_METERS; k++) {
            String meter = timeline.meterNumerator(k) + "/" + timeline.meterDenominator(k);
            if (!meter.equals(last)) {
                meters.add(meter + "@" + (timeline.barOf(timeline.meterTick(k)) + 1));
                last = meter;
            }
        }
        return meters;
    }
}
