package com.midicenter.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.analysis.MidiSummary;
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
                writeSummary(g, read.summary());
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

    static void writeSummary(JsonGenerator g, MidiSummary s) throws IOException {
        g.writeNumberField("format", s.format());
        g.writeNumberField("tracks", s.tracks());
        g.writeNumberField("ppq", s.ppq());
        g.writeNumberField("duration_sec", s.durationSec());
        g.writeNumberField("bars", s.bars());
        if (s.bpm() == null) {
            g.writeNullField("bpm");
        } else {
            g.writeNumberField("bpm", s.bpm());
        }
        g.writeStringField("bpm_source", s.bpmSource().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("tempo_changes", s.tempoChanges());
        g.writeStringField("meter", s.meter());
        g.writeStringField("meter_source", s.meterSource().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("meter_changes", s.meterChanges());
        g.writeNumberField("notes", s.notes());
        if (s.pitchMin() < 0) {
            g.writeNullField("pitch_min");
            g.writeNullField("pitch_max");
        } else {
            g.writeNumberField("pitch_min", s.pitchMin());
            g.writeNumberField("pitch_max", s.pitchMax());
        }
        g.writeNumberField("velocity_mean", s.velocityMean());
        g.writeNumberField("polyphony_max", s.polyphonyMax());
        g.writeBooleanField("has_drums", s.hasDrums());
        writeInts(g, "channels", s.channels());
        writeInts(g, "programs", s.programs());
        writeStrings(g, "instruments", s.instruments());
        writeStrings(g, "track_names", s.trackNames());
        writeStrings(g, "warnings", s.warnings());
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
