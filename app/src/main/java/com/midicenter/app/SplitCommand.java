package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.midi.MidiFile;
import com.midicenter.core.midi.MidiFormatException;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.core.midi.TrackSplitter;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code midicenter split}: one file per track (per channel for format 0), see {@link TrackSplitter}. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Splits a MIDI file into one file per track with notes (per channel for format 0), each with",
            "the tempo map, meter and key signatures, named 'Song - 03 Bass.mid'. An existing file is never",
            "overwritten: the new one gets ' (2)'. Exit code 1 when the file cannot be read."})
final class SplitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the MIDI file to split")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the parts (created)")
    Path out;

    @Option(names = "--json", description = "print {\"source\",\"parts\":[{\"path\",\"track\",\"channel\",\"notes\"}]}")
    boolean json;

    @Option(names = "--import", description = "import the written parts into the library (as ordinary files)")
    boolean importParts;

    @Mixin
    DatabaseOptions database;

    /** A part as written: its path, source track (1-based), channel (1..16, 0 when several) and notes. */
    record Written(Path path, int track, int channel, int notes) {
    }

    @Override
    public Integer call() throws IOException {
        MidiFile midi;
        try {
            midi = new MidiReader().read(file);
        } catch (MidiFormatException e) {
            System.err.println("midicenter split: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        List<TrackSplitter.Part> parts = TrackSplitter.split(midi, songName(file));
        Files.createDirectories(out);
        List<Written> written = new ArrayList<>(parts.size());
        for (TrackSplitter.Part part : parts) {
            Path path = writeNew(out, part.name(), part.bytes());
            written.add(new Written(path, part.track() + 1, part.channel(), part.notes()));
        }
        ImportResult imported = null;
        if (importParts && !written.isEmpty()) {
            // the parts are imported as ordinary files: no link to the original in the schema yet
            try (Database db = database.open()) {
                db.migrate();
                imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                        .run(written.stream().map(Written::path).toList(), new AtomicBoolean(), (f, d, w) -> { });
            }
        }
        if (json) {
            System.out.println(json(file, written, imported));
        } else {
            System.out.printf(Locale.ROOT, "%-5s %-7s %6s  %s%n", "TRACK", "CHANNEL", "NOTES", "PATH");
            for (Written w : written) {
                System.out.printf(Locale.ROOT, "%5d %7s %6d  %s%n", w.track(), w.channel() == 0 ? "-" : w.channel(),
                        w.notes(), w.path());
            }
            System.err.printf(Locale.ROOT, "%d parts written to %s%s%n", written.size(), out,
                    parts.isEmpty() ? " (the file has no notes)" : "");
            if (imported != null) {
                System.err.printf(Locale.ROOT, "imported into %s: %,d new, %,d duplicates, %,d unchanged, %,d errors%n",
                        database.describe(), imported.imported(), imported.duplicates(), imported.unchanged(),
                        imported.errors());
            }
        }
        return imported != null && imported.errors() > 0 ? 1 : 0;
    }

    /** The file name without its extension: what the parts are named after. */
    static String songName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Writes {@code bytes} to {@code dir/name}, or to {@code name (2)}, {@code (3)}… when taken: never over an existing
     * file, even one created meanwhile by another process ({@code CREATE_NEW}).
     */
    static Path writeNew(Path dir, String name, byte[] bytes) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path path = dir.resolve(n == 1 ? name : stem + " (" + n + ")" + ext);
            try {
                Files.write(path, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return path;
            } catch (FileAlreadyExistsException e) {
                if (n == 10_000) {
                    throw new IOException("no free name for " + name + " in " + dir, e);
                }
            }
        }
    }

    static String json(Path source, List<Written> written, ImportResult imported) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("source", source.toString());
            g.writeArrayFieldStart("parts");
            for (Written part : written) {
                g.writeStartObject();
                g.writeStringField("path", part.path().toString());
                g.writeNumberField("track", part.track());
                if (part.channel() == 0) {
                    g.writeNullField("channel");
                } else {
                    g.writeNumberField("channel", part.channel());
                }
                g.writeNumberField("notes", part.notes());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (imported != null) {
                g.writeFieldName("import");
                g.writeRawValue(ImportCommand.json(imported));
            }
            g.writeEndObject();
        }
        return w.toString();
    }
}
