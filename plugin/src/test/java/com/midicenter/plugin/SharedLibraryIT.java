package com.midicenter.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.midicenter.core.corpus.CorpusGenerator;
import com.midicenter.library.search.SearchRequest;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.testing.TestHomes;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared library for real: the embedded database in a home under {@code target/}, never the user's. */
class SharedLibraryIT {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void start_twoInstancesOnAnEmptyHome_shareOneDatabaseAndTheLastDestroyClosesIt() throws Exception {
        // given
        SharedLibrary library = new SharedLibrary(TestHomes.newHome("plugin-shared"), TestHomes.settings());
        PluginInstance a = new PluginInstance(library);
        PluginInstance b = new PluginInstance(library);

        // when
        long t0 = System.nanoTime();
        a.start(new FakeNativeSide(), Path.of("target"));
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        b.start(new FakeNativeSide(), Path.of("target"));
        SharedLibrary.Library libA = a.libraryReady().get(120, TimeUnit.SECONDS);
        long readyMs = (System.nanoTime() - t0) / 1_000_000;
        SharedLibrary.Library libB = b.libraryReady().get(120, TimeUnit.SECONDS);

        // then: one database, searchable
        assertThat(startMs).as("start returns at once").isLessThan(100);
        assertThat(libB.db()).isSameAs(libA.db());
        assertThat(library.opens()).isEqualTo(1);
        assertThat(libA.search().search(SearchRequest.text("")).hits()).isEmpty();
        a.destroy();
        library.awaitIdle();
        try (Connection c = libB.db().dataSource().getConnection()) {
            assertThat(c.isValid(5)).as("still open while b uses it").isTrue();
        }
        b.destroy();
        library.awaitIdle();
        assertThat(library.users()).isZero();
        assertThatThrownBy(() -> libB.db().dataSource().getConnection()).as("closed after the last destroy")
                .isInstanceOf(Exception.class);
        System.out.printf("SharedLibraryIT: empty home: start() %d ms, start -> library ready %d ms (open %d ms)%n",
                startMs, readyMs, libA.openMillis());
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void start_homeWith2000Files_readyTimeReported() throws Exception {
        // given: a home whose library holds 2,000 imported and analysed files, closed again
        Path home = TestHomes.newHome("plugin-2000");
        Path corpus = Path.of("target", "plugin-corpus-2000").toAbsolutePath();
        new CorpusGenerator(7).generate(2_000, corpus, null);
        try (Database db = Database.embedded(home, TestHomes.settings(), c -> c)) {
            db.migrate();
            var job = new com.midicenter.library.jobs.AddFolder(db.dataSource(), db.sqlSessionFactory());
            job.run(corpus, new AtomicBoolean(), (phase, done, total) -> { });
        }
        SharedLibrary library = new SharedLibrary(home, TestHomes.settings());
        PluginInstance instance = new PluginInstance(library);

        // when
        long t0 = System.nanoTime();
        instance.start(new FakeNativeSide(), Path.of("target"));
        SharedLibrary.Library lib = instance.libraryReady().get(300, TimeUnit.SECONDS);
        long readyMs = (System.nanoTime() - t0) / 1_000_000;

        // then: the generated corpus holds duplicates and broken files on purpose: fewer rows than files
        long files = lib.search().search(SearchRequest.text("")).total();
        assertThat(files).isGreaterThan(1_500);
        instance.destroy();
        library.awaitIdle();
        System.out.printf("SharedLibraryIT: 2,000-file home (%d in the library): start -> library ready %d ms%n",
                files, readyMs);
    }
}
