package com.midicenter.persistence.mapper;

import java.util.List;

/**
 * The stored analysis of the file at one location, as the accuracy benchmark compares it with ground truth.
 *
 * @param bpm  {@code null} when the tempo is unknown
 * @param key  {@code null} for drum-only files
 */
public record AnalysedFile(String path, String key, Double bpm, String bpmSource, String meter, String meterSource,
                           boolean hasDrums, List<String> chordsPerBar) {

    public AnalysedFile {
        chordsPerBar = chordsPerBar == null ? List.of() : List.copyOf(chordsPerBar);
    }
}
