package com.midicenter.library.analysis;

import com.midicenter.core.analysis.DrumPiece;
import com.midicenter.core.analysis.DrumResult;
import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.Shape;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.analysis.TempoResult;
import com.midicenter.core.music.MusicalKey;
import com.midicenter.persistence.analysis.AnalysisRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Flattens a {@link MusicAnalysis} into the row {@code file_meta} stores. */
final class AnalysisRows {

    private AnalysisRows() {
    }

    static AnalysisRow of(long contentId, MusicAnalysis a) {
        MidiSummary s = a.summary();
        TempoResult tempo = a.tempo();
        MusicalKey key = a.key().key();
        DrumResult drums = a.drums();
        Shape shape = a.shape();
        List<Integer> counts = new ArrayList<>(DrumPiece.values().length);
        for (int c : drums.pieceCounts()) {
            counts.add(c);
        }
        List<Double> tempoSeconds = new ArrayList<>(tempo.changes().size());
        List<Double> tempoBpms = new ArrayList<>(tempo.changes().size());
        for (TempoResult.Change c : tempo.changes()) {
            tempoSeconds.add(c.seconds());
            tempoBpms.add(c.bpm());
        }
        return new AnalysisRow(contentId, s.durationSec(), s.bars(), tempo.bpm(), lower(tempo.source()),
                tempo.confidence(), s.tempoChanges(), tempoSeconds, tempoBpms, s.meter(), lower(s.meterSource()),
                a.meters(), key == null ? null : key.name(), key == null ? null : key.tonic() * 2 + (key.minor() ? 1 : 0),
                round3(a.key().confidence()),
                a.key().runnerUp() == null ? null : a.key().runnerUp().name(), lower(a.key().source()),
                key == null ? null : key.camelot(), a.chords().progression().isEmpty() ? null : a.chords().progression(),
                a.chords().perBar(), drums.hasDrums(), drums.pieces(), counts, round3(drums.hitsPerBar()),
                drums.hasDrums() ? drums.swingPercent() : null, drums.ghostNotes(), drums.fillBars(),
                lower(drums.role()), a.instruments().categories(), s.instruments(), s.programs(), shape.loop(),
                s.notes(), round3(shape.notesPerBar()), s.polyphonyMax(), s.pitchMin(), s.pitchMax(),
                shape.velocityMin(), shape.velocityMax(), s.velocityMean(), shape.quantized(),
                round3(shape.grooveOffsetMs()), shape.rhythmPrint(), shape.pitchPrint());
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Rough heap footprint of a batch's rows: what a batch holds while it waits for the writer. */
    static long estimatedBytes(List<AnalysisRow> rows) {
        long bytes = 0;
        for (AnalysisRow r : rows) {
            bytes += 400 + 48L * (r.chordsPerBar().size() + r.drumPieces().size() + r.instruments().size()
                    + r.families().size() + r.meters().size() + r.tempoBpms().size() * 2L)
                    + 16L * (r.drumCounts().size() + r.fillBars().size() + r.programs().size());
        }
        return bytes;
    }
}
