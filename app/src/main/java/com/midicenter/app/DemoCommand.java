package com.midicenter.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.midicenter.core.analysis.MidiSummary;
import com.midicenter.core.analysis.MusicAnalyzer;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.core.corpus.CorpusSummary;
import com.midicenter.core.midi.MidiReader;
import com.midicenter.library.info.FileReport;
import com.midicenter.library.info.InfoScan;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.mapper.LibraryStats;
import com.midicenter.persistence.mapper.StatsMapper;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * {@code midicenter demo}: generates a realistic demo library under the data folder, imports it into the
 * embedded library database and shows what is in it. (The browser window joins this command with its issue.)
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a realistic demo library (once) under the data folder, imports it into the library",
            "database (embedded PostgreSQL under --home) and prints a summary: tempos, meters, instruments, drums,",
            "duplicates, repairs and errors."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--files", description = "files in the demo library (default: ${DEFAULT-VALUE})")
    int files = 2000;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    boolean json;

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
        LibraryStats libraryStats;
        try (Database db = database.open()) {
            db.migrate();
            try (ProgressBar bar = new ProgressBar(System.err, "import", files, !json)) {
                imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                        .run(List.of(library), new AtomicBoolean(), (found, done, walked) -> bar.update(done, found, walked));
            }
            libraryStats = db.inTransaction("stats", s -> s.getMapper(StatsMapper.class).libraryStats());
        }

        Stats stats = new Stats();
        InfoScan.Stats scan;
        try (ProgressBar bar = new ProgressBar(System.err, "read", files, !json)) {
            scan = new InfoScan(Runtime.getRuntime().availableProcessors(), new MidiReader(), new MusicAnalyzer())
                    .run(List.of(library), report -> {
                        stats.add(report);
                        bar.step();
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            System.out.println(stats.json(library, scan, imported, libraryStats, seconds));
        } else {
            stats.print(library, scan, imported, libraryStats, database.describe(), seconds);
        }
        return 0;
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

    /** Library-wide counts, updated concurrently by the scan's workers. */
    static final class Stats {
        final Map<String, LongAdder> bpmSources = new ConcurrentHashMap<>();
        final Map<String, LongAdder> meters = new ConcurrentHashMap<>();
        final Map<String, LongAdder> instruments = new ConcurrentHashMap<>();
        final Map<String, LongAdder> tempos = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final LongAdder drums = new LongAdder();
        final LongAdder notes = new LongAdder();
        final LongAdder millis = new LongAdder();

        void add(FileReport report) {
            if (report instanceof FileReport.Failed f) {
                count(errors, f.kind().text());
                return;
            }
            MidiSummary s = ((FileReport.Read) report).summary();
            count(bpmSources, s.bpmSource().name().toLowerCase(Locale.ROOT));
            count(meters, s.meter());
            s.instruments().forEach(i -> count(instruments, i));
            if (s.bpm() != null) {
                long bucket = Math.round(Math.floor(s.bpm() / 10) * 10);
                count(tempos, String.format(Locale.ROOT, "%3d-%3d", bucket, bucket + 9));
            }
            if (s.hasDrums()) {
                drums.increment();
            }
            notes.add(s.notes());
            millis.add(Math.round(s.durationSec() * 1000));
        }

        private static void count(Map<String, LongAdder> map, String key) {
            map.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        private static String top(Map<String, LongAdder> map, int n) {
            return map.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .limit(n)
                    .map(e -> e.getKey() + " (" + e.getValue().sum() + ")")
                    .collect(Collectors.joining(", "));
        }

        void print(Path library, InfoScan.Stats scan, ImportResult imported, LibraryStats db, String where,
                   double seconds) {
            System.out.println("MIDI Software Center demo library: " + library);
            System.out.printf(Locale.ROOT, "  imported      %,d new, %,d duplicates, %,d unchanged, %,d errors (%.2f s, %,.0f files/s)%n",
                    imported.imported(), imported.duplicates(), imported.unchanged(), imported.errors(), imported.seconds(),
                    imported.filesPerSecond());
            System.out.printf(Locale.ROOT, "  library       %,d distinct files at %,d paths, %,d import errors, database %,.1f MB (%s)%n",
                    db.files(), db.locations(), db.importErrors(), db.databaseSizeBytes() / 1e6, where);
            System.out.printf(Locale.ROOT, "  files         %,d read, %,d repaired while reading, %,d could not be read%n",
                    scan.files() - scan.failed(), scan.withWarnings(), scan.failed());
            System.out.printf(Locale.ROOT, "  notes         %,d, total length %.1f minutes%n", notes.sum(), millis.sum() / 60000.0);
            System.out.println("  tempo from    " + top(bpmSources, 4));
            System.out.println("  tempos        " + new TreeMap<>(sums(tempos)));
            System.out.println("  meters        " + top(meters, 8));
            System.out.println("  instruments   " + top(instruments, 10));
            System.out.printf(Locale.ROOT, "  drum files    %,d%n", drums.sum());
            if (!errors.isEmpty()) {
                System.out.println("  unreadable    " + top(errors, 8));
            }
            System.out.printf(Locale.ROOT, "  took          %.2f s (reading at %,.0f files/s)%n", seconds, scan.filesPerSecond());
            System.out.println("Next: ./midicenter stats, ./midicenter info --json " + library + " | head");
        }

        private static Map<String, Long> sums(Map<String, LongAdder> map) {
            Map<String, Long> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        String json(Path library, InfoScan.Stats scan, ImportResult imported, LibraryStats db, double seconds)
                throws IOException {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = ReportJson.FACTORY.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("library", library.toString());
                g.writeNumberField("files", scan.files());
                g.writeNumberField("read", scan.files() - scan.failed());
                g.writeNumberField("repaired", scan.withWarnings());
                g.writeNumberField("failed", scan.failed());
                g.writeNumberField("notes", notes.sum());
                g.writeNumberField("drum_files", drums.sum());
                g.writeNumberField("imported", imported.imported());
                g.writeNumberField("duplicates", imported.duplicates());
                g.writeNumberField("import_errors", imported.errors());
                g.writeNumberField("library_files", db.files());
                g.writeNumberField("library_locations", db.locations());
                writeCounts(g, "bpm_sources", bpmSources);
                writeCounts(g, "meters", meters);
                writeCounts(g, "instruments", instruments);
                writeCounts(g, "errors", errors);
                g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
                g.writeEndObject();
            }
            return w.toString();
        }

        private static void writeCounts(JsonGenerator g, String name, Map<String, LongAdder> map) throws IOException {
            g.writeObjectFieldStart(name);
            for (Map.Entry<String, Long> e : sums(map).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }
}
