package com.midicenter.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.analysis.ChannelInstrument;
import com.midicenter.core.analysis.DrumPiece;
import com.midicenter.core.analysis.DrumResult;
import com.midicenter.core.analysis.KeyResult;
import com.midicenter.core.analysis.Shape;
import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.MusicAnalysis;
import com.midicenter.core.analysis.TempoResult;
import com.midicenter.library.info.FileReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Writes file reports as one-line JSON documents with the field names of SPEC.md section 2. */
final class ReportJson {

    static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** One JSON line (without the newline) for a report. */
    static String line(FileReport report) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("path", report.path().toAbsolutePath().normalize().toString());
            if (report instanceof FileReport.Read read) {
                writeAnalysis(g, read.analysis());
            } else {
                FileReport.Failed failed = (FileReport.Failed) report;
                g.writeStringField("error", failed.reason());
                g.writeStringField("error_kind", failed.kind().name().toLowerCase(Locale.ROOT));
                g.writeNumberField("error_offset", failed.offset());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The per-file analysis fields of SPEC.md section 2, plus the details of each analyser. */
    static void writeAnalysis(JsonGenerator g, MusicAnalysis a) throws IOException {
        MidiSummary s = a.summary();
        TempoResult tempo = a.tempo();
        g.writeNumberField("format", s.format());
        g.writeNumberField("tracks", s.tracks());
        g.writeNumberField("ppq", s.ppq());
        g.writeNumberField("duration_sec", s.durationSec());
        g.writeNumberField("bars", s.bars());
        if (tempo.bpm() == null) {
            g.writeNullField("bpm");
        } else {
            g.writeNumberField("bpm", tempo.bpm());
        }
        g.writeStringField("bpm_source", lower(tempo.source()));
        g.writeNumberField("bpm_confidence", tempo.confidence());
        g.writeNumberField("tempo_changes", s.tempoChanges());
        g.writeArrayFieldStart("tempo_map");
        for (TempoResult.Change c : tempo.changes()) {
            g.writeStartObject();
            g.writeNumberField("sec", c.seconds());
            g.writeNumberField("bpm", c.bpm());
            g.writeEndObject();
        }
        g.writeEndArray();
        KeyResult key = a.key();
        if (key.key() == null) {
            g.writeNullField("key");
            g.writeNumberField("key_confidence", 0);
            g.writeNullField("camelot");
            g.writeNullField("key_runner_up");
        } else {
            g.writeStringField("key", key.key().name());
            g.writeNumberField("key_confidence", Math.round(key.confidence() * 1000) / 1000.0);
            g.writeStringField("camelot", key.key().camelot());
            if (key.runnerUp() == null) {
                g.writeNullField("key_runner_up");
            } else {
                g.writeStringField("key_runner_up", key.runnerUp().name());
            }
        }
        g.writeStringField("key_source", lower(key.source()));
        g.writeStringField("meter", s.meter());
        g.writeStringField("meter_source", lower(s.meterSource()));
        g.writeNumberField("meter_changes", s.meterChanges());
        writeStrings(g, "meters", a.meters());
        g.writeStringField("chords", a.chords().progression());
        writeStrings(g, "chords_per_bar", a.chords().perBar());
        Shape shape = a.shape();
        g.writeNumberField("notes", s.notes());
        g.writeNumberField("notes_per_bar", round3(shape.notesPerBar()));
        if (s.pitchMin() < 0) {
            g.writeNullField("pitch_min");
            g.writeNullField("pitch_max");
        } else {
            g.writeNumberField("pitch_min", s.pitchMin());
            g.writeNumberField("pitch_max", s.pitchMax());
        }
        g.writeNumberField("velocity_min", shape.velocityMin());
        g.writeNumberField("velocity_max", shape.velocityMax());
        g.writeNumberField("velocity_mean", s.velocityMean());
        g.writeNumberField("polyphony_max", s.polyphonyMax());
        g.writeBooleanField("loop", shape.loop());
        g.writeBooleanField("quantized", shape.quantized());
        g.writeNumberField("groove_offset_ms", round3(shape.grooveOffsetMs()));
        g.writeStringField("rhythm_print", String.format("%016x", shape.rhythmPrint()));
        g.writeStringField("pitch_print", String.format("%016x", shape.pitchPrint()));
        DrumResult drums = a.drums();
        g.writeBooleanField("has_drums", drums.hasDrums());
        if (drums.hasDrums()) {
            g.writeObjectFieldStart("drums");
            g.writeObjectFieldStart("pieces");
            for (DrumPiece piece : DrumPiece.values()) {
                if (drums.count(piece) > 0) {
                    g.writeNumberField(piece.word(), drums.count(piece));
                }
            }
            g.writeEndObject();
            g.writeNumberField("hits_per_bar", round3(drums.hitsPerBar()));
            g.writeNumberField("swing", drums.swingPercent());
            g.writeNumberField("ghost_notes", drums.ghostNotes());
            writeInts(g, "fill_bars", drums.fillBars());
            g.writeStringField("role", lower(drums.role()));
            g.writeEndObject();
        }
        writeInts(g, "channels", s.channels());
        writeInts(g, "programs", s.programs());
        writeStrings(g, "instruments", a.instruments().categories());
        writeStrings(g, "families", s.instruments());
        g.writeArrayFieldStart("instrument_channels");
        for (ChannelInstrument c : a.instruments().channels()) {
            g.writeStartObject();
            g.writeNumberField("channel", c.channel());
            if (c.program() < 0) {
                g.writeNullField("program");
            } else {
                g.writeNumberField("program", c.program());
            }
            g.writeStringField("family", c.family());
            g.writeStringField("category", c.category());
            if (c.trackName() != null) {
                g.writeStringField("track_name", c.trackName());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        writeStrings(g, "track_names", s.trackNames());
        writeStrings(g, "warnings", s.warnings());
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static void writeInts(JsonGenerator g, String name, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
