package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.CorpusSummary;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code midicenter demo}: generates a realistic demo library under the data folder, imports it into the
 * embedded library database, shows what is in it, then opens the browser window on it (unless {@code --json},
 * {@code --no-gui} or there is no display).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a realistic demo library (once) under the data folder, imports it into the library",
            "database (embedded PostgreSQL under --home), analyses it (tempo, key, meter, chords, drums, instruments)",
            "prints a summary (files, duplicates, errors, tempos, meters, keys, instruments), then opens the browser",
            "window on the library (not with --json or --no-gui, or without a display)."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--files", description = "files in the demo library (default: ${DEFAULT-VALUE})")
    int files = 2000;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--json", description = "print the summary as JSON on stdout (no window)")
    boolean json;

    @Option(names = "--no-gui", description = "do not open the browser window after the summary")
    boolean noGui;

    @Option(names = "--dark", description = "open the window in the dark theme")
    boolean dark;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path library = AppHome.resolve(database.home).resolve("demo-library").resolve(files + "-files-seed-" + seed);
        Path truth = library.resolve("ground-truth.csv");
        long start = System.nanoTime();
        if (!Files.isRegularFile(truth)) {
            Path partial = library.resolveSibling(library.getFileName() + ".partial");
            deleteTree(partial);
            System.err.println("Generating " + files + " demo files in " + library + " ...");
            try (ProgressBar bar = new ProgressBar(System.err, "generate", files, true)) {
                CorpusSummary summary = new CorpusGenerator(seed).generate(files, partial, bar::update);
                bar.update(summary.files());
            }
            deleteTree(library);
            Files.move(partial, library);
        }

        ImportResult imported;
        AnalyzeCommand.Outcome analysed;
        LibrarySnapshot snapshot;
        try (Database db = database.open()) {
            boolean cancelled;
            try (CancelOnSignal signal = new CancelOnSignal("demo")) {
                db.migrate();
                try (ProgressBar bar = new ProgressBar(System.err, "import", files, true)) {
                    imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                            .run(List.of(library), signal.flag(),
                                    (found, done, walked) -> bar.update(done, found, walked));
                }
                analysed = AnalyzeCommand.run(db, AnalysisOptions.defaults(), signal.flag());
                snapshot = LibrarySnapshot.of(db);
                cancelled = signal.flag().get();
            }
            summarise(library, imported, analysed, snapshot, (System.nanoTime() - start) / 1e9);
            if (json || noGui || cancelled) {
                return 0;
            }
            if (!GuiSession.canOpenWindow()) {
                System.err.println("No display to open the browser window on: run ./midicenter gui on a desktop"
                        + " (or under Xvfb). The library is ready.");
                return 0;
            }
            // Ctrl+C from here on ends the JVM as usual (the shutdown hook stops the embedded server)
            System.err.println("Opening the browser window (close it to end the demo) ...");
            return GuiSession.show(db, database.describe(), dark ? "dark" : null, AppHome.resolve(database.home));
        }
    }

    private void summarise(Path library, ImportResult imported, AnalyzeCommand.Outcome analysed,
                           LibrarySnapshot snapshot, double seconds) throws IOException {
        if (json) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("demo_library", library.toString());
                g.writeStringField("library", database.describe());
                g.writeNumberField("imported", imported.imported());
                g.writeNumberField("import_duplicates", imported.duplicates());
                g.writeNumberField("import_errors", imported.errors());
                g.writeNumberField("analysed_now", analysed.analyzed());
                g.writeNumberField("analysis_failed_now", analysed.failed());
                snapshot.writeFields(g);
                g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
                g.writeEndObject();
            }
            System.out.println(w);
        } else {
            System.out.println("MIDI Software Center demo library: " + library);
            System.out.printf(Locale.ROOT, "import         %,d new, %,d duplicates, %,d unchanged, %,d unreadable (%.2f s, %,.0f files/s)%n",
                    imported.imported(), imported.duplicates(), imported.unchanged(), imported.errors(),
                    imported.seconds(), imported.filesPerSecond());
            System.out.printf(Locale.ROOT, "analysis       %,d analysed, %,d failed (%.2f s, %,.0f files/s)%n",
                    analysed.analyzed(), analysed.failed(), analysed.seconds(), analysed.filesPerSecond());
            snapshot.print(System.out, database.describe());
            System.out.printf(Locale.ROOT, "took           %.2f s%n", seconds);
            System.out.println("Next: ./midicenter gui, ./midicenter stats, ./midicenter info --json \"" + library
                    + "\" | head -3");
        }
        System.out.flush();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
