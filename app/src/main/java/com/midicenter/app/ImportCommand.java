package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code midicenter import}: folders and zip archives into the library. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports MIDI files from folders and zip archives (nested too) into the library:",
            "deduplicates by content, extracts tags from paths and names, skips unchanged files on later runs",
            "and marks deleted ones missing. Ctrl+C stops after the current batch; run again to continue.",
            "Exit code 0 when every file was stored, 1 when some could not be read (see 'stats')."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "folders, MIDI files or zip archives")
    List<Path> paths;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--threads", description = "reader threads (default: one per core)")
    Integer threads;

    @Option(names = "--batch", description = "files per database transaction (default: ${DEFAULT-VALUE})")
    int batch = 2000;

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    boolean json;

    @Option(names = "--analyze", description = "analyse new files in the background while importing, and finish"
            + " the analysis after the import (same as running 'analyze' afterwards)")
    boolean analyze;

    @Override
    public Integer call() throws IOException {
        ImportOptions options = ImportOptions.defaults().withBatchSize(batch);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        try (CancelOnSignal signal = new CancelOnSignal("import")) {
            return importAll(options, signal.flag());
        }
    }

    private int importAll(ImportOptions options, AtomicBoolean cancel) throws IOException {
        ImportResult result;
        AnalyzeCommand.Outcome analysis = null;
        try (Database db = database.open()) {
            db.migrate();
            BackgroundAnalysis background = analyze ? BackgroundAnalysis.start(db, cancel) : null;
            try (ProgressBar bar = new ProgressBar(System.err, "import", 0, true)) {
                result = new ImportService(db.dataSource(), db.sqlSessionFactory(), options)
                        .run(paths, cancel, (found, done, walked) -> bar.update(done, found, walked));
            } finally {
                if (background != null) {
                    background.stopPolling();
                }
            }
            if (background != null) {
                analysis = background.finish();
            }
        }
        if (json) {
            System.out.println(analysis == null ? json(result)
                    : "{\"import\":" + json(result) + ",\"analysis\":" + AnalyzeCommand.json(analysis) + "}");
        } else {
            System.out.printf(Locale.ROOT, "%s%,d files scanned: %,d imported, %,d duplicates, %,d unchanged, %,d errors,"
                    + " %,d missing, in %.2f s (%,.0f files/s)%n", result.cancelled() ? "CANCELLED: " : "",
                    result.scanned(), result.imported(), result.duplicates(), result.unchanged(), result.errors(),
                    result.missing(), result.seconds(), result.filesPerSecond());
            if (analysis != null) {
                AnalyzeCommand.print(analysis);
            }
        }
        return result.errors() > 0 ? 1 : 0;
    }

    static String json(ImportResult r) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("run_id", r.runId());
            g.writeNumberField("scanned", r.scanned());
            g.writeNumberField("imported", r.imported());
            g.writeNumberField("duplicates", r.duplicates());
            g.writeNumberField("unchanged", r.unchanged());
            g.writeNumberField("errors", r.errors());
            g.writeNumberField("missing", r.missing());
            g.writeBooleanField("cancelled", r.cancelled());
            g.writeNumberField("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            g.writeNumberField("files_per_second", Math.round(r.filesPerSecond()));
            g.writeEndObject();
        }
        return w.toString();
    }
}
