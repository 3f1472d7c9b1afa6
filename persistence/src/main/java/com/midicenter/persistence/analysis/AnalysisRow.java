package com.midicenter.persistence.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One file's analysis as stored in {@code file_meta}: flat values, ready for {@code COPY}.
 * Nullable fields are boxed; lists are never null.
 */
public record AnalysisRow(long contentId,
                          double durationSec, int bars, Double bpm, String bpmSource, double bpmConfidence,
                          int tempoChanges, List<Double> tempoSeconds, List<Double> tempoBpms,
                          String meter, String meterSource, List<String> meters,
                          String key, Integer keyCode, double keyConfidence, String keyRunnerUp, String keySource, String camelot,
                          String chords, List<String> chordsPerBar,
                          boolean hasDrums, List<String> drumPieces, List<Integer> drumCounts, double drumHitsPerBar,
                          Integer swing, int ghostNotes, List<Integer> fillBars, String drumRole,
                          List<String> instruments, List<String> families, List<Integer> programs,
                          boolean loop, int notes, double notesPerBar, int polyphonyMax, int pitchMin, int pitchMax,
                          int velocityMin, int velocityMax, double velocityMean, boolean quantized,
                          double grooveOffsetMs, long rhythmPrint, long pitchPrint) {

    public AnalysisRow {
        Objects.requireNonNull(bpmSource, "bpmSource");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(meterSource, "meterSource");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(drumRole, "drumRole");
        tempoSeconds = List.copyOf(tempoSeconds);
        tempoBpms = List.copyOf(tempoBpms);
        meters = List.copyOf(meters);
        chordsPerBar = List.copyOf(chordsPerBar);
        drumPieces = List.copyOf(drumPieces);
        drumCounts = List.copyOf(drumCounts);
        fillBars = List.copyOf(fillBars);
        instruments = List.copyOf(instruments);
        families = List.copyOf(families);
        programs = List.copyOf(programs);
    }
}
