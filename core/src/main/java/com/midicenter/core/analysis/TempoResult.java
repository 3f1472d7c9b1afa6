package com.midicenter.core.analysis;

import com.midicenter.core.analysis.MidiSummary.BpmSource;

import java.util.List;
import java.util.Objects;

/**
 * A file's tempo: the tempo map, one representative BPM and where it came from.
 *
 * @param bpm        duration-weighted BPM; {@code null} when nothing says what it is ({@code DEFAULT})
 * @param source     {@code META} (tempo events), {@code FILENAME} (written in the name: no tempo event, or a
 *                   software-default 120 the name contradicts), {@code ESTIMATED} (from the onsets of a performed,
 *                   off-grid file) or {@code DEFAULT}
 * @param confidence 1 for meta and filename; 0..1 for an estimate; 0 for default
 * @param changes    the tempo map: where each distinct tempo starts (at most {@link TempoAnalyzer#MAX_MAP} entries)
 */
public record TempoResult(Double bpm, BpmSource source, double confidence, List<Change> changes) {

    /** A tempo in force from {@code seconds} (and {@code tick}) on. */
    public record Change(long tick, double seconds, double bpm) {
    }

    public TempoResult {
        Objects.requireNonNull(source, "source");
        if ((bpm == null) != (source == BpmSource.DEFAULT)) {
            throw new IllegalArgumentException("bpm=" + bpm + " with source " + source);
        }
        changes = List.copyOf(changes);
    }
}
