package com.midicenter.app;

import static com.midicenter.app.BenchThreads.daemon;
import static com.midicenter.app.BenchThreads.sleep;

import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchException;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.library.search.SearchResult;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchCriteria.Sort;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench search-load} (issue 5: "32 concurrent searchers while an import runs: no timeouts, no pool exhaustion,
 * p95 ≤ 50 ms"). Searcher threads loop over the fixed query mix of {@link SearchBench}, each from its own offset,
 * first for a short while on the idle library, then while a second corpus is imported into the same library with
 * background analysis (as {@code import --analyze} does it), until that import and its analysis have finished.
 *
 * <p>Every query's latency is recorded (from the call to the result: waiting for a pooled connection included), and
 * every failure: a pool timeout is a {@link SQLTransientConnectionException} somewhere in the cause chain. One
 * sampler thread reads the HikariCP pool every {@value #POOL_SAMPLE_MS} ms; one observer thread runs an unfiltered
 * browse every {@value #BROWSE_EVERY_MS} ms (its totals show the library growing under the searchers) and counts the
 * server's backends waiting on a lock.
 *
 * <p>A benchmark driver, not a service: one {@link #run} at a time per database.
 */
final class SearchLoad {

    /** Phases; a query belongs to the phase in which it started. */
    private static final int IDLE = 0;
    private static final int LOAD = 1;
    private static final int STOP = 2;
    private static final long POOL_SAMPLE_MS = 2;
    private static final long BROWSE_EVERY_MS = 50;
    private static final long LOCKS_EVERY_MS = 200;
    private static final int ERROR_SAMPLES = 5;

    /** The unfiltered browse: everything, by name; its total is exact up to {@link SearchService#EXACT_TOTAL}. */
    static final SearchRequest BROWSE_ALL = new SearchRequest(null, null, false, null, false, null, null, null, null,
            null, null, null, null, false, null, null, Sort.NAME, false, 50, null, false, null);

    private SearchLoad() {
    }

    /**
     * The queries of one phase.
     *
     * @param seconds  wall time of the phase
     * @param queries  queries started in the phase
     * @param results  queries that returned a {@link SearchResult}
     * @param refused  queries the service refused ({@link SearchException}: a value it cannot understand)
     * @param errors   queries that failed otherwise (database, pool)
     * @param timeouts of the errors, those that waited too long for a pooled connection
     * @param ms       latency of every query in ms, in no particular order
     * @param kinds    per kind of query (in mix order), its latencies in ms
     */
    record Phase(String name, double seconds, long queries, long results, long refused, long errors, long timeouts,
                 double[] ms, Map<String, double[]> kinds) {

        double perSecond() {
            return seconds <= 0 ? 0 : queries / seconds;
        }

        double percentile(double p) {
            return SearchBench.percentile(ms, p);
        }
    }

    /**
     * Peaks of the pool during a phase, sampled every {@value #POOL_SAMPLE_MS} ms.
     *
     * @param size           maximum pool size
     * @param samplesWaiting samples in which at least one thread was waiting for a connection
     * @param longestWaitMs  the longest stretch of consecutive samples with a thread waiting, in ms (from its first
     *                       such sample to the next sample without one): a pool exhausted for a while shows here
     */
    record PoolPeaks(int size, int activeMax, int idleMax, int waitingMax, int totalMax, long samples,
                     long samplesWaiting, double longestWaitMs) {

        double saturation() {
            return size == 0 ? 0 : (double) activeMax / size;
        }
    }

    /**
     * One run.
     *
     * @param pool           pool peaks per phase ({@link #IDLE}, {@link #LOAD}); null where the data source is not HikariCP
     * @param browseTotals   totals of the unfiltered browse during the import, then until the index caught up, in order
     * @param lockWaitersMax most backends seen waiting on a lock at once during the import
     * @param lockWaits      distinct statements (shortened) seen waiting on a lock
     * @param errorSamples   the first few distinct failure messages
     */
    record Result(int searchers, Phase idle, Phase load, ImportResult imported, AnalyzeCommand.Outcome analysis,
                  double loadSeconds, PoolPeaks[] pool, List<Long> browseTotals, int lockWaitersMax,
                  Set<String> lockWaits, List<String> errorSamples) {

        /** Pool peaks during the import, or null. */
        PoolPeaks loadPool() {
            return pool == null ? null : pool[LOAD];
        }
    }

    /**
     * Runs the mix with {@code searchers} threads: for {@code idlePhase} on the library as it is, then while
     * {@code importRoot} is imported with background analysis, until the analysis has finished.
     *
     * @param progress where the import and analysis progress bars go
     */
    static Result run(Database db, List<SearchBench.Query> mix, Path importRoot, int searchers, Duration idlePhase,
                      PrintStream progress) {
        if (searchers < 1 || mix.isEmpty()) {
            throw new IllegalArgumentException("searchers=" + searchers + " queries=" + mix.size());
        }
        SearchService service = newSearchService(db);
        for (SearchBench.Query q : mix) { // warm-up: JIT, plans, the library's pages in the cache
            try {
                service.search(q.request());
            } catch (SearchException e) {
                // refused queries are counted in the phases
            }
        }
        List<String> kindNames = new ArrayList<>(new LinkedHashSet<>(mix.stream().map(SearchBench.Query::kind).toList()));
        int[] kindOf = mix.stream().mapToInt(q -> kindNames.indexOf(q.kind())).toArray();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Run run = new Run(searchers);
        HikariPoolMXBean poolBean = poolBean(db);
        awaitFilled(poolBean, db.config().minimumIdle(), progress);
        List<Thread> threads = new ArrayList<>();
        if (poolBean != null) {
            threads.add(daemon("search-load-pool-sampler", crash, () -> samplePool(poolBean, run, stop)));
        }
        for (int t = 0; t < searchers; t++) {
            Recorder recorder = run.recorders[t];
            int offset = (int) ((long) t * mix.size() / searchers);
            threads.add(daemon("search-load-searcher-" + t, crash,
                    () -> searchLoop(service, mix, kindOf, offset, recorder, run, stop)));
        }
        threads.forEach(Thread::start);

        ImportResult imported;
        AnalyzeCommand.Outcome analysis;
        long loadStart;
        long loadEnd;
        try {
            sleep(idlePhase);
            run.idleSeconds = (System.nanoTime() - run.startNanos) / 1e9;
            loadStart = System.nanoTime();
            run.phase = LOAD;
            Thread observer = daemon("search-load-observer", crash, () -> observe(db, service, run));
            observer.start();
            threads.add(observer);
            // as ImportCommand does it with --analyze
            AtomicBoolean cancel = new AtomicBoolean();
            BackgroundAnalysis background = BackgroundAnalysis.start(db, cancel);
            try (ProgressBar bar = new ProgressBar(progress, "import", 0, true)) {
                imported = new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                        .run(List.of(importRoot), cancel, (found, done, walked) -> bar.update(done, found, walked));
            } finally {
                background.stopPolling();
            }
            analysis = background.finish();
            loadEnd = System.nanoTime();
        } finally {
            run.phase = STOP;
            stop.set(true);
            for (Thread t : threads) {
                joinQuietly(t);
            }
        }
        if (crash.get() != null) {
            throw new IllegalStateException("a search-load thread failed: " + crash.get(), crash.get());
        }
        double loadSeconds = (loadEnd - loadStart) / 1e9;
        catchUp(db, service, run);
        service.close();
        return new Result(searchers, run.phase(IDLE, "idle library", run.idleSeconds, kindNames),
                run.phase(LOAD, "during import", loadSeconds, kindNames), imported, analysis, loadSeconds,
                poolBean == null ? null : run.poolPeaks(db.config().poolSize()), List.copyOf(run.browseTotals),
                run.lockWaitersMax, Collections.unmodifiableSet(run.lockWaits), run.errorSamples.list());
    }

    /**
     * The one place the service under load is made: index-backed, as the browser's (the index is built before the
     * searchers start, and rebuilt from the import's and analysis's commits while they run).
     */
    private static SearchService newSearchService(Database db) {
        SearchService service = SearchService.indexed(db);
        try {
            if (!service.index().orElseThrow().awaitReady(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the search index could not be built");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.close();
            throw new IllegalStateException("interrupted while the search index was built", e);
        }
        return service;
    }

    /** One searcher: the mix round and round from {@code offset}. */
    private static void searchLoop(SearchService service, List<SearchBench.Query> mix, int[] kindOf, int offset,
                                   Recorder recorder, Run run, AtomicBoolean stop) {
        for (int i = offset; !stop.get(); i = (i + 1) % mix.size()) {
            int phase = run.phase;
            if (phase == STOP) {
                return;
            }
            long t0 = System.nanoTime();
            Outcome outcome;
            Throwable failure = null;
            try {
                SearchResult result = service.search(mix.get(i).request());
                outcome = result != null ? Outcome.RESULT : Outcome.NULL;
            } catch (SearchException e) {
                outcome = Outcome.REFUSED;
            } catch (RuntimeException e) {
                outcome = isPoolTimeout(e) ? Outcome.TIMEOUT : Outcome.ERROR;
                failure = e;
            }
            recorder.record(phase, kindOf[i], (System.nanoTime() - t0) / 1e6, outcome);
            if (failure != null) {
                run.errorSample(failure);
            }
        }
    }

    /** True when a pooled connection was not handed out in time (HikariCP), wrapped however deep. */
    static boolean isPoolTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static HikariPoolMXBean poolBean(Database db) {
        try {
            return db.dataSource().isWrapperFor(HikariDataSource.class)
                    ? db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean() : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Waits (at most 30 s) until the pool holds its {@code minimumIdle} connections: HikariCP opens them one at a time
     * in the background, and a loaded 2-core machine took 10 s for the last dozen (CI: a searcher of the idle phase
     * waited for one that long, next to the 10 s timeout), which is the pool warming up, not the load being measured.
     */
    private static void awaitFilled(HikariPoolMXBean pool, int minimumIdle, PrintStream progress) {
        if (pool == null) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (pool.getTotalConnections() < minimumIdle && System.nanoTime() < deadline) {
            if (!sleep(Duration.ofMillis(20))) {
                return;
            }
        }
        progress.printf(Locale.ROOT, "pool: %d of %d connections open after %,d ms%n", pool.getTotalConnections(),
                minimumIdle, (System.nanoTime() - start) / 1_000_000);
    }

    private static void samplePool(HikariPoolMXBean pool, Run run, AtomicBoolean stop) {
        while (!stop.get()) {
            int phase = run.phase;
            if (phase < STOP) {
                run.pool[phase].sample(pool.getActiveConnections(), pool.getIdleConnections(),
                        pool.getThreadsAwaitingConnection(), pool.getTotalConnections());
            }
            if (!sleep(Duration.ofMillis(POOL_SAMPLE_MS))) {
                return;
            }
        }
    }

    /**
     * After the import: the in-memory index follows the library a few rebuilds late (a loaded machine: seconds), so
     * the browse is looked at until it shows what PostgreSQL holds (at most 60 s; not when the SQL total is only an
     * estimate), the totals added after those seen during the import.
     */
    private static void catchUp(Database db, SearchService service, Run run) {
        SearchResult sql = new SearchService(db.sqlSessionFactory()).search(BROWSE_ALL);
        if (sql.totalEstimated()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            long total = service.search(BROWSE_ALL).total();
            run.browseTotals.add(total);
            if (total >= sql.total() || System.nanoTime() > deadline || !sleep(Duration.ofMillis(100))) {
                return;
            }
        }
    }

    /** During the import: the unfiltered browse's total, and backends waiting on locks. */
    private static void observe(Database db, SearchService service, Run run) {
        long lastLocks = 0;
        while (run.phase == LOAD) {
            try {
                run.browseTotals.add(service.search(BROWSE_ALL).total());
            } catch (RuntimeException e) {
                run.errorSample(e); // counted by the searchers' figures only; the sample shows it
            }
            long now = System.nanoTime();
            if (now - lastLocks >= LOCKS_EVERY_MS * 1_000_000) {
                lastLocks = now;
                sampleLockWaits(db, run);
            }
            if (!sleep(Duration.ofMillis(BROWSE_EVERY_MS))) {
                return;
            }
        }
    }

    private static void sampleLockWaits(Database db, Run run) {
        // diagnostics of the benchmark, not a query of the product: kept here rather than in a mapper
        String sql = "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 80) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            int waiting = 0;
            while (rs.next()) {
                waiting++;
                run.lockWaits.add(rs.getString(1));
            }
            run.lockWaitersMax = Math.max(run.lockWaitersMax, waiting);
        } catch (SQLException | RuntimeException e) {
            run.errorSample(e);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How one query ended. */
    private enum Outcome { RESULT, NULL, REFUSED, ERROR, TIMEOUT }

    /** State shared by the threads of one run. */
    private static final class Run {
        final long startNanos = System.nanoTime();
        final Recorder[] recorders;
        final PoolAccumulator[] pool = {new PoolAccumulator(), new PoolAccumulator()};
        final List<Long> browseTotals = new CopyOnWriteArrayList<>();
        final Set<String> lockWaits = Collections.synchronizedSet(new LinkedHashSet<>());
        final ErrorSamples errorSamples = new ErrorSamples(ERROR_SAMPLES);
        volatile int phase = IDLE;
        volatile int lockWaitersMax;
        volatile double idleSeconds;

        Run(int searchers) {
            recorders = new Recorder[searchers];
            Arrays.setAll(recorders, i -> new Recorder());
        }

        void errorSample(Throwable e) {
            errorSamples.add(e);
        }

        /** Merges the searchers' records of a phase; call after they stopped. */
        Phase phase(int phase, String name, double seconds, List<String> kindNames) {
            long results = 0;
            long refused = 0;
            long errors = 0;
            long timeouts = 0;
            int n = 0;
            for (Recorder r : recorders) {
                results += r.counts[phase][Outcome.RESULT.ordinal()];
                refused += r.counts[phase][Outcome.REFUSED.ordinal()];
                errors += r.counts[phase][Outcome.ERROR.ordinal()] + r.counts[phase][Outcome.TIMEOUT.ordinal()];
                timeouts += r.counts[phase][Outcome.TIMEOUT.ordinal()];
                n += r.size[phase];
            }
            double[] all = new double[n];
            int[] perKind = new int[kindNames.size()];
            int k = 0;
            for (Recorder r : recorders) {
                for (int i = 0; i < r.size[phase]; i++) {
                    all[k++] = r.ms[phase][i];
                    perKind[r.kind[phase][i]]++;
                }
            }
            Map<String, double[]> kinds = new LinkedHashMap<>();
            for (int kind = 0; kind < kindNames.size(); kind++) {
                double[] v = new double[perKind[kind]];
                int j = 0;
                for (Recorder r : recorders) {
                    for (int i = 0; i < r.size[phase]; i++) {
                        if (r.kind[phase][i] == kind) {
                            v[j++] = r.ms[phase][i];
                        }
                    }
                }
                kinds.put(kindNames.get(kind), v);
            }
            return new Phase(name, seconds, n, results, refused, errors, timeouts, all, kinds);
        }

        PoolPeaks[] poolPeaks(int size) {
            return new PoolPeaks[] {pool[IDLE].peaks(size), pool[LOAD].peaks(size)};
        }
    }

    /** One searcher's records, per phase; written by its thread only, read after it stopped. */
    private static final class Recorder {
        float[][] ms = {new float[4096], new float[4096]};
        byte[][] kind = {new byte[4096], new byte[4096]};
        final int[] size = new int[2];
        final long[][] counts = new long[2][Outcome.values().length];

        void record(int phase, int kindIndex, double millis, Outcome outcome) {
            int n = size[phase];
            if (n == ms[phase].length) {
                ms[phase] = Arrays.copyOf(ms[phase], n * 2);
                kind[phase] = Arrays.copyOf(kind[phase], n * 2);
            }
            ms[phase][n] = (float) millis;
            kind[phase][n] = (byte) kindIndex;
            size[phase] = n + 1;
            counts[phase][outcome.ordinal()]++;
        }
    }

    /** Pool peaks of one phase; written by the sampler thread only, read after it stopped. */
    private static final class PoolAccumulator {
        int activeMax;
        int idleMax;
        int waitingMax;
        int totalMax;
        long samples;
        long samplesWaiting;
        long waitingSince = -1;
        long longestWaitNanos;

        void sample(int active, int idle, int waiting, int total) {
            activeMax = Math.max(activeMax, active);
            idleMax = Math.max(idleMax, idle);
            waitingMax = Math.max(waitingMax, waiting);
            totalMax = Math.max(totalMax, total);
            samples++;
            long now = System.nanoTime();
            if (waiting > 0) {
                samplesWaiting++;
                if (waitingSince < 0) {
                    waitingSince = now;
                }
            } else if (waitingSince >= 0) {
                longestWaitNanos = Math.max(longestWaitNanos, now - waitingSince);
                waitingSince = -1;
            }
        }

        PoolPeaks peaks(int size) {
            long longest = waitingSince < 0 ? longestWaitNanos : Math.max(longestWaitNanos, System.nanoTime() - waitingSince);
            return new PoolPeaks(size, activeMax, idleMax, waitingMax, totalMax, samples, samplesWaiting, longest / 1e6);
        }
    }

    /** Prints the result as markdown tables. */
    static void print(PrintStream out, Result r, long libraryFiles, long importFiles, int poolSize) {
        Phase load = r.load();
        PoolPeaks pool = r.pool() == null ? null : r.pool()[LOAD];
        ImportResult im = r.imported();
        out.printf(Locale.ROOT, "| search-load (library of a %,d-file corpus, + a %,d-file import with analysis, %d cores, pool %d)"
                        + " | searchers | queries | errors | pool timeouts | p50 ms | p95 ms (target <= 50) | p99 ms | max ms"
                        + " | queries/s | import files/s meanwhile | pool active / idle / waiting max |%n",
                libraryFiles, importFiles, Runtime.getRuntime().availableProcessors(), poolSize);
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        out.printf(Locale.ROOT, "| during the import and its analysis (%.1f s) | %d | %,d | %,d | %,d | %.2f | %.2f | %.2f"
                        + " | %.2f | %,.0f | %,.0f | %s |%n",
                r.loadSeconds(), r.searchers(), load.queries(), load.errors(), load.timeouts(), load.percentile(50),
                load.percentile(95), load.percentile(99), load.percentile(100), load.perSecond(), im.filesPerSecond(),
                pool == null ? "n/a" : pool.activeMax() + " / " + pool.idleMax() + " / " + pool.waitingMax());
        out.println();
        out.println("| phase / kind | queries | results | refused | errors | timeouts | p50 ms | p95 ms | p99 ms | max ms"
                + " | queries/s |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Phase p : List.of(r.idle(), load)) {
            out.printf(Locale.ROOT, "| **%s** (%.1f s) | %,d | %,d | %,d | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %,.0f |%n",
                    p.name(), p.seconds(), p.queries(), p.results(), p.refused(), p.errors(), p.timeouts(),
                    p.percentile(50), p.percentile(95), p.percentile(99), p.percentile(100), p.perSecond());
        }
        for (Map.Entry<String, double[]> e : load.kinds().entrySet()) {
            double[] v = e.getValue();
            out.printf(Locale.ROOT, "| during import: %s | %,d | | | | | %.2f | %.2f | %.2f | %.2f | |%n", e.getKey(),
                    v.length, SearchBench.percentile(v, 50), SearchBench.percentile(v, 95),
                    SearchBench.percentile(v, 99), SearchBench.percentile(v, 100));
        }
        out.println();
        AnalyzeCommand.Outcome a = r.analysis();
        out.printf(Locale.ROOT, "import: %,d scanned (%,d imported, %,d duplicates, %,d errors) in %.2f s = %,.0f files/s;"
                        + " analysis: %,d analysed, %,d failed, %,.0f files/s%n",
                im.scanned(), im.imported(), im.duplicates(), im.errors(), im.seconds(), im.filesPerSecond(),
                a.analyzed(), a.failed(), a.filesPerSecond());
        if (r.pool() != null) {
            for (int phase : new int[] {IDLE, LOAD}) {
                PoolPeaks p = r.pool()[phase];
                out.printf(Locale.ROOT, "pool, %s: size %d, active max %d (saturation %.0f %%), idle max %d, total max %d,"
                                + " threads waiting max %d, in %.1f %% of %,d samples, longest stretch with a waiter %.0f ms%n",
                        phase == IDLE ? "idle library" : "during import", p.size(), p.activeMax(), 100 * p.saturation(),
                        p.idleMax(), p.totalMax(), p.waitingMax(),
                        p.samples() == 0 ? 0 : 100.0 * p.samplesWaiting() / p.samples(), p.samples(), p.longestWaitMs());
            }
        }
        List<Long> totals = r.browseTotals();
        if (!totals.isEmpty()) {
            out.printf(Locale.ROOT, "unfiltered browse during the import: total %,d -> %,d (%d looks; exact totals of the"
                    + " index snapshot, rebuilt as the import commits)%n", totals.get(0), totals.get(totals.size() - 1),
                    totals.size());
        }
        out.printf(Locale.ROOT, "backends waiting on a lock during the import: max %d at once%s%n", r.lockWaitersMax(),
                r.lockWaits().isEmpty() ? "" : "; statements: " + String.join(" | ", r.lockWaits()));
        if (!r.errorSamples().isEmpty()) {
            out.println("failures (first distinct): " + String.join(" | ", r.errorSamples()));
        }
    }
}
