package com.midicenter.app;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.search.SearchService;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;
import com.midicenter.persistence.db.EmbeddedServer;
import com.midicenter.persistence.mapper.LibraryStats;
import com.midicenter.persistence.mapper.StatsMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * {@code midicenter bench import}: generates (or reuses) a corpus, imports it into a fresh embedded library and
 * prints one table: files/s against the target, heap, database size. A benchmark, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmarks. 'bench import --files 100000' generates a corpus (reused between runs),",
            "imports it into a fresh embedded library and prints files/s, heap and database size.",
            "'bench analyze --files 100000' imports the corpus the same way, then times the full analysis with the",
            "results stored, and prints files/s and memory per batch, then the accuracy of the stored results against",
            "the corpus's ground truth (key, tempo, meter, drums, chords).",
            "'bench search --files 100000' times the fixed query mix on an imported and analysed library (kept).",
            "'bench search-load --files 100000' runs --searchers threads over that query mix on a library of its own",
            "while a second corpus of --import-files files is imported into it with background analysis; prints",
            "latencies, errors, pool timeouts and pool figures. The library is rebuilt on the next run.",
            "'bench load --files 100000 --minutes 10' runs --searchers threads over that query mix, an import of newly",
            "generated batches (--batch-files each) and two analysis workers at once on a copy of the 'bench search'",
            "library, for --minutes: queries, errors, pool timeouts and p50/p95/p99/max per minute, heap after GC and",
            "RSS (this process, PostgreSQL) sampled every 5 s and checked flat; the copy is deleted afterwards.",
            "'bench ui --files 1000000' opens the browser window on the 'bench search' library (needs a display:",
            "xvfb-run -a): keystroke -> first results painted, and scrolling 10,000 rows (paint gaps, EDT stalls).",
            "'bench fuzz --inputs 1000000 [--seed S] [--out DIR] [--threads T]' mutates generated and repair-case files",
            "and runs each through the reader and every analyser (as 'info' does) with a per-input time limit;",
            "prints outcome counts, inputs/s, the slowest inputs and memory; saves crashing and slow inputs to --out."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "import, analyze, search, search-load, load, ui or fuzz")
    String what;

    @Option(names = "--files", description = "corpus size (default: ${DEFAULT-VALUE})")
    int files = 100_000;

    @Option(names = "--seed", description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--work", paramLabel = "DIR",
            description = "where the corpus and the fresh library go (default: ${DEFAULT-VALUE})")
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "midicenter-bench");

    @Option(names = "--threads", description = "import reader threads (default: one per core); fuzz: worker threads (default: 1)")
    Integer threads;

    @Option(names = "--batch", description = "files per import transaction (default: the import's)")
    Integer batch;

    @Override
    public Integer call() throws IOException {
        if (!List.of("import", "analyze", "search", "search-load", "load", "ui", "fuzz").contains(what)) {
            System.err.println("midicenter bench: unknown benchmark '" + what + "'; available: import, analyze, search,"
                    + " search-load, load, ui, fuzz");
            return 2;
        }
        if (what.equals("fuzz")) {
            return fuzz();
        }
        Path corpus = corpus(work, files, seed);
        if (what.equals("ui")) {
            try {
                return UiBench.run(SearchBench.library(work, corpus, "search-library-" + files + "-seed-" + seed),
                        System.out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        if (what.equals("search-load")) {
            return searchLoad(corpus);
        }
        if (what.equals("load")) {
            return load(corpus);
        }
        Path home = work.resolve("library-" + System.currentTimeMillis());
        if (what.equals("analyze")) {
            return analyze(corpus, home);
        }
        if (what.equals("search")) {
            return search(corpus);
        }
        ImportOptions options = ImportOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (batch != null) {
            options = options.withBatchSize(batch);
        }
        ImportResult result;
        LibraryStats stats;
        long peak;
        long live;
        try (Database db = Database.embedded(home)) {
            db.migrate();
            try (HeapWatch heap = new HeapWatch(); ProgressBar bar = new ProgressBar(System.err, "import", files, true)) {
                result = new ImportService(db.dataSource(), db.sqlSessionFactory(), options)
                        .run(List.of(corpus), new AtomicBoolean(), (found, done, walked) -> bar.update(done, found, walked));
                peak = heap.peakHeapBytes();
                live = heap.maxLiveHeapBytes();
            }
            stats = db.inTransaction("stats", s -> s.getMapper(StatsMapper.class).libraryStats());
        } finally {
            DemoCommand.deleteTree(home);
        }
        System.out.println("| benchmark | files | seconds | files/s | target | heap max / peak / live after GC | database |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| import (fresh embedded library, %d cores, Java %s) | %,d scanned (%,d imported, %,d duplicates,"
                        + " %,d errors) | %.2f | %,.0f | >= 20,000 | %d / %d / %d MB | %,.0f MB |%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), result.scanned(),
                result.imported(), result.duplicates(), result.errors(), result.seconds(), result.filesPerSecond(),
                HeapWatch.maxHeapBytes() >> 20, peak >> 20, live >> 20, stats.databaseSizeBytes() / 1e6);
        return 0;
    }

    @Option(names = "--inputs", description = "fuzz: mutated inputs to run (default: ${DEFAULT-VALUE})")
    long inputs = 10_000;

    @Option(names = "--out", paramLabel = "DIR", description = "fuzz: where crashing and slow inputs are saved"
            + " (default: fuzz-findings under --work)")
    Path out;

    @Option(names = "--limit-ms", description = "fuzz: time limit per input (default: ${DEFAULT-VALUE})")
    long limitMs = 2000;

    @Option(names = "--slow-ms", description = "fuzz: inputs slower than this are saved as slow (default: ${DEFAULT-VALUE})")
    long slowMs = 500;

    @Option(names = "--max-minutes", description = "fuzz: start no new input after this many minutes (default: no limit)")
    Long maxMinutes;

    private int fuzz() throws IOException {
        int t = threads == null ? 1 : threads;
        if (inputs < 0 || t < 1 || t > 64 || limitMs < 1 || slowMs < 1 || slowMs > limitMs) {
            System.err.println("midicenter bench fuzz: --inputs >= 0, --threads 1..64, 1 <= --slow-ms <= --limit-ms");
            return 2;
        }
        try {
            return FuzzBench.run(inputs, seed, t, Duration.ofMillis(limitMs), Duration.ofMillis(slowMs),
                    out != null ? out : work.resolve("fuzz-findings"),
                    maxMinutes == null ? null : Duration.ofMinutes(maxMinutes), System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    @Option(names = "--queries", description = "search benchmark: queries in the mix (default: ${DEFAULT-VALUE})")
    int queries = 1000;

    @Option(names = "--show-slowest", description = "search benchmark: list the N slowest queries of the index run")
    int slowest;

    @Option(names = "--compare-sql", description = "search benchmark: also run the mix in SQL only, without the index")
    boolean compareSql;

    private int search(Path corpus) throws IOException {
        Path home = SearchBench.library(work, corpus, "search-library-" + files + "-seed-" + seed);
        try (Database db = Database.embedded(home)) {
            db.migrate();
            List<Long> ids = SearchBench.sampleIds(db, 200);
            List<SearchBench.Query> mix = SearchBench.queries(corpus, queries, seed, ids);
            long docs = db.inTransaction("count", s -> s.getMapper(StatsMapper.class).libraryStats()).analysisDone();
            double[] baseline = SearchBench.ilike(db, mix, 100);
            if (compareSql) {
                System.out.println("SQL only (what a one-off 'search' runs):");
                SearchBench.print(mix, SearchBench.run(new SearchService(db.sqlSessionFactory()), mix), baseline, docs);
                System.out.println();
            }
            long before = HeapWatch.liveBytes();
            try (SearchService service = SearchService.indexed(db)) {
                var index = service.index().orElseThrow();
                if (!index.awaitReady(java.time.Duration.ofMinutes(10))) {
                    throw new IOException("the search index was not built");
                }
                long held = HeapWatch.liveBytes() - before;
                System.out.printf(java.util.Locale.ROOT, "in-memory index: %,d files, built in %,d ms, heap held %,d MB"
                        + " (estimate %,d MB)%n", index.size(), index.lastBuildMs(), held >> 20, index.bytesEstimate() >> 20);
                double[] ms = SearchBench.run(service, mix);
                SearchBench.print(mix, ms, baseline, docs);
                if (slowest > 0) {
                    System.out.println("slowest queries:");
                    SearchBench.printSlowest(mix, ms, slowest);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return 0;
    }

    /** The generated corpus of {@code files} files and {@code seed} under {@code work}: made once, then reused. */
    static Path corpus(Path work, int files, long seed) throws IOException {
        Path corpus = work.resolve("corpus-" + files + "-seed-" + seed);
        if (!Files.isRegularFile(corpus.resolve("ground-truth.csv"))) {
            Path partial = work.resolve("corpus-" + files + "-seed-" + seed + ".partial");
            DemoCommand.deleteTree(partial);
            try (ProgressBar bar = new ProgressBar(System.err, "generate", files, true)) {
                new CorpusGenerator(seed).generate(files, partial, bar::update);
            }
            Files.move(partial, corpus);
        }
        return corpus;
    }

    @Option(names = "--searchers", description = "search-load: concurrent searcher threads (default: ${DEFAULT-VALUE})")
    int searchers = 32;

    @Option(names = "--import-files", description = "search-load: files of the second corpus (seed + 1) imported while"
            + " the searchers run (default: ${DEFAULT-VALUE})")
    int importFiles = 20_000;

    @Option(names = "--pool-size", paramLabel = "N",
            description = "search-load: database connections at most (default: the default pool plus one per searcher)")
    Integer poolSize;

    /** Marks a search-load library the second corpus went into: the next run builds it again. */
    static final String SEARCH_LOAD_USED = "search-load-imported";

    private int searchLoad(Path corpus) throws IOException {
        if (searchers < 1 || importFiles < 1) {
            System.err.println("midicenter bench: --searchers and --import-files must be at least 1");
            return 2;
        }
        Path second = corpus(work, importFiles, seed + 1);
        String name = "search-load-library-" + files + "-seed-" + seed;
        if (Files.exists(work.resolve(name).resolve(SEARCH_LOAD_USED))) {
            System.err.println("bench search-load: the library of the previous run holds its import; building it again");
            DemoCommand.deleteTree(work.resolve(name));
        }
        Path home = SearchBench.library(work, corpus, name);
        // as a process serving this many searchers opens it (the observer's browse is one more); --pool-size: a
        // fixed-size pool of that size instead (all connections opened at once, none made while measuring)
        UnaryOperator<DatabaseConfig> pool = poolSize == null ? c -> c.withSearchers(searchers + 1)
                : c -> c.withPoolSize(poolSize).withMinimumIdle(poolSize);
        SearchLoad.Result result;
        int size;
        try (Database db = Database.embedded(home, EmbeddedServer.Settings.defaults(), pool)) {
            db.migrate();
            size = db.config().poolSize();
            List<SearchBench.Query> mix = SearchBench.queries(corpus, queries, seed, SearchBench.sampleIds(db, 200));
            Files.writeString(home.resolve(SEARCH_LOAD_USED), "the second corpus was imported into this library\n");
            result = SearchLoad.run(db, mix, second, searchers, Duration.ofSeconds(5), System.err);
        } catch (java.sql.SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
        SearchLoad.print(System.out, result, files, importFiles, size);
        return result.load().errors() > 0 ? 1 : 0;
    }

    @Option(names = "--minutes", description = "load: how long the load runs (default: ${DEFAULT-VALUE})")
    double minutes = 10;

    @Option(names = "--batch-files", description = "load: files per generated import batch (default: ${DEFAULT-VALUE})")
    int batchFiles = 2_000;

    @Option(names = "--worker-threads", description = "load: analysis threads of each of the two workers"
            + " (default: ${DEFAULT-VALUE})")
    int workerThreads = 1;

    private int load(Path corpus) throws IOException {
        if (searchers < 1 || minutes <= 0 || batchFiles < 10 || workerThreads < 1) {
            System.err.println("midicenter bench: --searchers, --minutes, --batch-files (>= 10) and --worker-threads"
                    + " must be positive");
            return 2;
        }
        Path source = SearchBench.library(work, corpus, "search-library-" + files + "-seed-" + seed);
        Path home = work.resolve("load-library-" + files + "-seed-" + seed);
        Path batches = work.resolve("load-batches");
        DemoCommand.deleteTree(home);
        DemoCommand.deleteTree(batches);
        LoadBench.Result result;
        try {
            copyLibrary(source, home);
            // as a process serving this many searchers opens it; the import shares this pool, the workers have their own
            int size;
            try (Database db = Database.embedded(home, EmbeddedServer.Settings.defaults(), c -> c.withSearchers(searchers))) {
                db.migrate();
                size = db.config().poolSize();
                List<SearchBench.Query> mix = SearchBench.queries(corpus, queries, seed, SearchBench.sampleIds(db, 200));
                LoadBench.Options options = new LoadBench.Options(Duration.ofMillis((long) (minutes * 60_000)),
                        searchers, batchFiles, seed, workerThreads, Duration.ofSeconds(5), Duration.ofMinutes(1));
                result = LoadBench.run(db, home.resolve("db"), batches, mix, options, System.err);
            } catch (java.sql.SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
            LoadBench.print(System.out, result, files, size);
        } finally {
            System.err.println("bench load: deleting the generated batches and the library copy ...");
            DemoCommand.deleteTree(batches);
            DemoCommand.deleteTree(home);
        }
        return result.errors() > 0 || !result.flat() ? 1 : 0;
    }

    /**
     * Copies a stopped library (the 'bench search' one stays as it is): its data folder and password, not the lock
     * files of the processes that used it.
     */
    private static void copyLibrary(Path source, Path target) throws IOException {
        if (Files.exists(source.resolve("db").resolve("postmaster.pid"))) {
            throw new IOException("the library " + source + " is in use (its server runs); stop what uses it first");
        }
        System.err.println("bench load: copying " + source + " to " + target + " ...");
        try (var paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String name = source.relativize(p).toString();
                if (name.equals("db.lock") || name.equals("db.clients") || name.equals("db.log")) {
                    continue;
                }
                Path to = target.resolve(name);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p));
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private int analyze(Path corpus, Path home) throws IOException {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (batch != null) {
            options = options.withBatchSize(batch);
        }
        ImportResult imported;
        AnalysisResult result;
        AccuracyReport accuracy;
        long peak;
        long live;
        try (Database db = Database.embedded(home)) {
            db.migrate();
            try (ProgressBar bar = new ProgressBar(System.err, "import", files, true)) {
                imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                        .run(List.of(corpus), new AtomicBoolean(), (found, done, walked) -> bar.update(done, found, walked));
            }
            AnalysisService service = new AnalysisService(db.dataSource(), db.sqlSessionFactory(), options);
            long total = service.outstanding();
            System.gc();
            try (HeapWatch heap = new HeapWatch(); ProgressBar bar = new ProgressBar(System.err, "analyze", total, true)) {
                result = service.run(new AtomicBoolean(), (analyzed, failed, pending) -> bar.update(analyzed + failed));
                peak = heap.peakHeapBytes();
                live = heap.maxLiveHeapBytes();
            }
            accuracy = AccuracyReport.measure(db, corpus);
        } finally {
            DemoCommand.deleteTree(home);
        }
        System.out.println("| benchmark | files | seconds | files/s | target | per batch: held / allocated | heap max / peak / live after GC |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| analyze, results stored (fresh embedded library, %d cores, %d threads, batch %d, Java %s)"
                        + " | %,d analysed, %,d failed (of %,d imported) | %.2f | %,.0f | >= 5,000 | %.2f MB / %.2f MB"
                        + " (target <= 2 MB) | %d / %d / %d MB |%n",
                Runtime.getRuntime().availableProcessors(), options.threads(), options.batchSize(),
                System.getProperty("java.version"), result.analyzed(), result.failed(), imported.imported(),
                result.seconds(), result.filesPerSecond(), result.maxBatchBytes() / 1e6,
                result.maxBatchAllocatedBytes() / 1e6, HeapWatch.maxHeapBytes() >> 20, peak >> 20, live >> 20);
        System.out.println();
        accuracy.print("generated corpus, seed " + seed);
        return 0;
    }
}
