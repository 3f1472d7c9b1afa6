package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.midi.TrackSplitter;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.split.SplitException;
import com.midicenter.library.split.SplitListener;
import com.midicenter.library.split.SplitResult;
import com.midicenter.library.split.SplitService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

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

    @Option(names = "--import", description = "import the written parts into the library, as parts of the original"
            + " when the library holds it")
    boolean importParts;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        SplitResult result;
        try (CancelOnSignal signal = new CancelOnSignal("split")) {
            if (!importParts) {
                result = SplitService.splitToFolder(file, out, SplitListener.NONE, signal.flag());
            } else {
                try (Database db = database.open()) {
                    db.migrate();
                    result = new SplitService(db.dataSource(), db.sqlSessionFactory())
                            .splitFile(file, out, true, SplitListener.NONE, signal.flag());
                }
            }
        } catch (SplitException e) {
            System.err.println("midicenter split: " + e.getMessage());
            return 1;
        }
        ImportResult imported = result.imported();
        if (json) {
            System.out.println(json(file, result));
        } else {
            System.out.printf(Locale.ROOT, "%-5s %-7s %6s  %s%n", "TRACK", "CHANNEL", "NOTES", "PATH");
            for (SplitResult.Part w : result.parts()) {
                System.out.printf(Locale.ROOT, "%5d %7s %6d  %s%n", w.track(), w.channel() == 0 ? "-" : w.channel(),
                        w.notes(), w.path());
            }
            System.err.printf(Locale.ROOT, "%d parts written to %s%s%n", result.parts().size(), out,
                    result.parts().isEmpty() ? " (the file has no notes)" : "");
            if (imported != null) {
                System.err.printf(Locale.ROOT, "imported into %s: %,d new, %,d duplicates, %,d unchanged, %,d errors;"
                                + " %s%n", database.describe(), imported.imported(), imported.duplicates(),
                        imported.unchanged(), imported.errors(), result.parentId() == null
                                ? "the original is not in the library, so the parts are not linked to it"
                                : result.linked() + " parts linked to the original, file #" + result.parentId());
            }
        }
        if (result.cancelled()) {
            return 130;
        }
        return imported != null && imported.errors() > 0 ? 1 : 0;
    }

    static String json(Path source, SplitResult result) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("source", source.toString());
            g.writeArrayFieldStart("parts");
            for (SplitResult.Part part : result.parts()) {
                g.writeStartObject();
                g.writeStringField("path", part.path().toString());
                g.writeNumberField("track", part.track());
                if (part.channel() == 0) {
                    g.writeNullField("channel");
                } else {
                    g.writeNumberField("channel", part.channel());
                }
                g.writeNumberField("notes", part.notes());
                if (result.imported() != null) {
                    if (part.contentId() == null) {
                        g.writeNullField("content_id");
                    } else {
                        g.writeNumberField("content_id", part.contentId());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (result.imported() != null) {
                if (result.parentId() == null) {
                    g.writeNullField("parent_id");
                } else {
                    g.writeNumberField("parent_id", result.parentId());
                }
                g.writeNumberField("linked", result.linked());
                g.writeFieldName("import");
                g.writeRawValue(ImportCommand.json(result.imported()));
            }
            if (result.cancelled()) {
                g.writeBooleanField("cancelled", true);
            }
            g.writeEndObject();
        }
        return w.toString();
    }
}
