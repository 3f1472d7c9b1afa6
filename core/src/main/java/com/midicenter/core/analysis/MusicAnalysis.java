package com.midicenter.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Everything the analysis says about one file.
 *
 * @param summary structure, notes and instruments as the import sees them
 * @param tempo   tempo map, BPM and its source
 * @param meters  the meter map: {@code 4/4@1} (meter and the 1-based bar it starts in); empty when undeclared
 * @param key     key with confidence and runner-up; {@link KeyResult#NONE} for drum-only or empty files
 * @param chords  chord per bar and beat, and the collapsed progression
 * @param drums   kit pieces, density, swing, ghost notes, fills (channel 10)
 * @param instruments per channel program, GM family and producer category; the categories of the file
 * @param shape   duration, loop, density, ranges, quantisation and the similarity fingerprints
 */
public record MusicAnalysis(MidiSummary summary, TempoResult tempo, List<String> meters, KeyResult key,
                            ChordResult chords, DrumResult drums, InstrumentResult instruments, Shape shape) {

    public MusicAnalysis {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(tempo, "tempo");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chords, "chords");
        Objects.requireNonNull(drums, "drums");
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(shape, "shape");
        meters = List.copyOf(meters);
    }
}
