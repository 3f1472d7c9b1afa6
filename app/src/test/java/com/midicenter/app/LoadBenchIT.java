package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, load: a short {@code bench load} against a real embedded library: 32 index-backed searchers, an import of
 * generated batches and two analysis workers at once for a minute (in 15-second periods). Asserts what the product
 * guarantees whatever the machine's speed: no search fails, none waits out the pool, every period serves searches,
 * the import and the workers make progress and the index follows them, and the heap the process holds beyond the
 * index does not grow. Latencies are the benchmark's business.
 */
class LoadBenchIT {

    private static final int LIBRARY_FILES = 2_000;
    private static final int SEARCHERS = 32;

    @TempDir
    Path work;

    @Test
    void run_searchersImportAndTwoWorkersForAMinute_noErrorsProgressAndFlatHeap() throws Exception {
        // given: an imported and analysed library
        Path corpus = BenchCommand.corpus(work, LIBRARY_FILES, 1);
        Path home = SearchBench.library(work, corpus, "library");
        LoadBench.Options options = new LoadBench.Options(Duration.ofSeconds(60), SEARCHERS, 400, 1, 1,
                Duration.ofSeconds(2), Duration.ofSeconds(15));
        try (Database db = Database.embedded(home, EmbeddedServer.Settings.defaults(), c -> c.withSearchers(SEARCHERS))) {
            db.migrate();
            List<SearchBench.Query> mix = SearchBench.queries(corpus, 1000, 1, SearchBench.sampleIds(db, 200));

            // when
            LoadBench.Result r = LoadBench.run(db, home.resolve("db"), work.resolve("batches"), mix, options, System.err);
            LoadBench.print(System.out, r, LIBRARY_FILES, db.config().poolSize()); // for the report only

            // then: every search of every period returned, none failed or timed out
            assertThat(r.minutes()).hasSize(4);
            for (LoadBench.Minute m : r.minutes()) {
                assertThat(m.queries()).as("searches in period %d", m.minute()).isPositive();
            }
            assertThat(r.errors()).as("failed searches: %s", r.errorSamples()).isZero();
            assertThat(r.timeouts()).as("pool timeouts").isZero();
            assertThat(r.searchResults() + r.refused()).isEqualTo(r.queries());
            assertThat(r.errorSamples()).isEmpty();
            // the import and both workers worked meanwhile, and the index followed the library
            assertThat(r.batches()).as("import batches finished").isPositive();
            assertThat(r.imported()).isPositive();
            assertThat(r.analysed()).isPositive();
            assertThat(r.analysisFailed()).isZero();
            assertThat(r.indexFilesAfter()).isGreaterThan(r.indexFilesBefore());
            // the memory samples came every few seconds (reading 40 PostgreSQL processes' memory takes a while on a
            // loaded machine), with this process's and PostgreSQL's resident sets
            assertThat(r.samples()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(r.samples()).allSatisfy(s -> {
                assertThat(s.rssBytes()).isPositive();
                assertThat(s.postgresRssBytes()).isPositive();
                assertThat(s.heapAfterGcBytes()).isPositive();
            });
            // what the process holds beyond the index does not grow (the index itself grows with the library)
            LoadBench.Flatness heap = r.flatness().get(0);
            assertThat(heap.flat()).as("%s: %d -> %d bytes", heap.what(), heap.middleMinute(), heap.lastMinute())
                    .isTrue();
        }
    }
}
