package com.midicenter.browser.testing;

import com.midicenter.browser.SearchThreads;
import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportListener;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportService;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.TestHomes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The library a UI scenario browses: a fresh embedded one (pool of 6) in a new test home, over a generated corpus
 * next to it, imported and analysed, with its search index ready and the browser's search executor; both deleted
 * afterwards (the facts are in the report; library and corpus are tens of MB a run).
 */
public final class ScenarioLibrary {

    /** Writes more files into the corpus after the generator, before the import. */
    @FunctionalInterface
    public interface Extra {
        Extra NONE = corpus -> { };

        void write(Path corpus) throws Exception;
    }

    /** What the scenario does with the library. */
    @FunctionalInterface
    public interface Session {
        void run(Database db, SearchService search, ThreadPoolExecutor executor, Path home) throws Exception;
    }

    private ScenarioLibrary() {
    }

    /**
     * Builds the library ({@code files} generated from {@code seed}, plus {@code extra}) in
     * {@code TestHomes.newHome(homeName)}, runs {@code session} over it, reports {@code libraryMs} (library built)
     * and {@code scenarioMs} (all) through {@code put}, then deletes library and corpus.
     */
    public static void run(String homeName, long seed, int files, Extra extra, BiConsumer<String, Object> put,
            Session session) throws Exception {
        long t0 = System.nanoTime();
        Path home = TestHomes.newHome(homeName);
        Path corpus = Path.of(home + "-corpus");
        try (Database db = Database.embedded(home, TestHomes.settings(), c -> c.withPoolSize(6))) {
            db.migrate();
            new CorpusGenerator(seed).generate(files, corpus, null);
            extra.write(corpus);
            new ImportService(db.dataSource(), db.sqlSessionFactory(), ImportOptions.defaults())
                    .run(List.of(corpus), new AtomicBoolean(), ImportListener.NONE);
            new AnalysisService(db.dataSource(), db.sqlSessionFactory(), AnalysisOptions.defaults())
                    .run(new AtomicBoolean(), AnalysisListener.NONE);
            put.accept("libraryMs", ScenarioSteps.ms(t0));
            try (SearchService search = SearchService.indexed(db)) {
                ScenarioSteps.check(search.index().orElseThrow().awaitReady(Duration.ofSeconds(30)), "index ready");
                ThreadPoolExecutor executor = SearchThreads.newExecutor("browser-search", 2, 64);
                try {
                    session.run(db, search, executor, home);
                } finally {
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        }
        put.accept("scenarioMs", ScenarioSteps.ms(t0));
        TestFiles.deleteTree(corpus);
        TestFiles.deleteTree(home);
    }
}
