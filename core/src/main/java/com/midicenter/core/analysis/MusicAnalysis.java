package com.midicenter.core.analysis;

import java.util.List;
import java.util.Objects;

/**
 * Everything the analysis says about one file.
 *
 * @param summary structure, notes and instruments as the import sees them
 * @param tempo   tempo map, BPM and its source
 * @param meters  the meter map: {@code 4/4@1} (meter and the 1-based bar it starts in); empty when undeclared
 */
public record MusicAnalysis(MidiSummary summary, TempoResult tempo, List<String> meters) {

    public MusicAnalysis {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(tempo, "tempo");
        meters = List.copyOf(meters);
    }
}
