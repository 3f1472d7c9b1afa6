package com.midicenter.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.search.SearchHit;
import com.midicenter.persistence.testing.SharedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index follows committed changes of search_doc (LISTEN/NOTIFY), and SQL answers when it cannot be built. */
class SearchIndexKeeperIT {

    private static Database db;

    @BeforeAll
    static void database() {
        db = Database.external(SharedDatabase.freshDatabase("index_keeper"));
        db.migrate();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("TRUNCATE search_doc");
    }

    @Test
    void indexed_followsInsertsUpdatesAndDeletesOfOtherConnections() throws Exception {
        // given
        insert(1, "Kick Groove 01.mid", 120);
        insert(2, "Soft Pad Am.mid", 90);
        try (SearchService search = SearchService.indexed(db)) {
            SearchIndexKeeper index = search.index().orElseThrow();
            assertThat(index.awaitReady(Duration.ofSeconds(30))).isTrue();
            assertThat(ids(search, "kick")).containsExactly(1L);
            long builds = index.builds();

            // when: another connection commits a new file
            insert(3, "Kick Fill 02.mid", 124);

            // then: the index is rebuilt and finds it, with an exact total
            awaitTrue(() -> ids(search, "kick").size() == 2);
            assertThat(index.builds()).isGreaterThan(builds);
            assertThat(index.size()).isEqualTo(3);
            assertThat(search.search(SearchRequest.text("kick")).total()).isEqualTo(2);

            // when: a tempo changes and a file goes away
            execute("UPDATE search_doc SET bpm = 90 WHERE content_id = 3");
            execute("DELETE FROM search_doc WHERE content_id = 1");

            // then
            awaitTrue(() -> ids(search, "kick").equals(List.of(3L)));
            SearchRequest at90 = new SearchRequest(null, "90", false, null, false, null, null, null, null, null, null,
                    null, null, false, null, null, null, false, 50, null, false, null);
            awaitTrue(() -> search.search(at90).hits().stream().map(SearchHit::contentId).sorted().toList().equals(List.of(2L, 3L)));
        }
    }

    @Test
    void keeperThatCannotListen_leavesSearchToSql() throws Exception {
        // given
        insert(7, "Kick Groove 07.mid", 120);
        SearchIndexKeeper keeper = SearchIndexKeeper.start(
                () -> {
                    throw new SQLException("connection refused (test)");
                });
        try (keeper; SearchService search = new SearchService(db.sqlSessionFactory(), keeper)) {
            // when
            boolean ready = keeper.awaitReady(Duration.ofSeconds(10));

            // then
            assertThat(ready).isFalse();
            assertThat(keeper.size()).isEqualTo(-1);
            assertThat(ids(search, "kick")).containsExactly(7L);
        }
    }

    @Test
    void favouriteRatingAndTheirSorts_sameInIndexAndSql() throws Exception {
        // given: ratings and favourites as the curation commands will write them into search_doc
        for (int i = 1; i <= 12; i++) {
            insert(i, "Loop " + i + ".mid", 100 + i);
        }
        execute("UPDATE search_doc SET favorite = true WHERE content_id IN (2, 5, 9)");
        execute("UPDATE search_doc SET rating = content_id % 6 WHERE content_id % 6 > 0");
        execute("UPDATE search_doc SET key_code = content_id % 3, bars = 16 - content_id WHERE content_id > 3");
        try (SearchService sql = new SearchService(db.sqlSessionFactory());
             SearchService indexed = SearchService.indexed(db)) {
            assertThat(indexed.index().orElseThrow().awaitReady(Duration.ofSeconds(30))).isTrue();
            for (SearchService search : List.of(sql, indexed)) {
                // when
                List<Long> favourites = hits(search, request(true, null, null, false));
                List<Long> ratedFourUp = hits(search, request(false, 4, null, false));
                List<Long> byRatingDesc = hits(search, request(false, null, com.midicenter.persistence.search.SearchCriteria.Sort.RATING, true));
                List<Long> byKey = hits(search, request(false, null, com.midicenter.persistence.search.SearchCriteria.Sort.KEY, false));
                List<Long> byBars = hits(search, request(false, null, com.midicenter.persistence.search.SearchCriteria.Sort.BARS, false));

                // then
                assertThat(favourites).containsExactlyInAnyOrder(2L, 5L, 9L);
                assertThat(ratedFourUp).containsExactlyInAnyOrder(4L, 5L, 10L, 11L);
                assertThat(byRatingDesc).startsWith(11L, 5L, 10L, 4L, 9L, 3L).endsWith(12L, 6L);
                assertThat(byKey).containsExactly(6L, 9L, 12L, 4L, 7L, 10L, 5L, 8L, 11L, 1L, 2L, 3L);
                assertThat(byBars).containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 1L, 2L, 3L);
            }
        }
    }

    @Test
    void scratchOfReplacedSnapshots_isNotKeptByTheSearchingThreads() throws Exception {
        // given: four searching threads and a library that grows, so the index is replaced by bigger snapshots
        insertGrooves(1, 3_000);
        ExecutorService searchers = Executors.newFixedThreadPool(4);
        try (SearchService search = SearchService.indexed(db)) {
            SearchIndexKeeper index = search.index().orElseThrow();
            assertThat(index.awaitReady(Duration.ofSeconds(30))).isTrue();
            long others = index.scratchBytes(); // threads of other tests; they do not search meanwhile
            for (int generation = 1; generation <= 5; generation++) {
                // when: every thread searches this snapshot (ranked words, filters, a sort)
                List<Future<?>> done = new java.util.ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    int n = i;
                    done.add(searchers.submit(() -> {
                        search.search(SearchRequest.text("groove " + (n + 1)));
                        search.search(new SearchRequest("groove", "100-130", false, null, false, null, null, null, null,
                                null, null, null, null, false, null, null,
                                com.midicenter.persistence.search.SearchCriteria.Sort.BPM, false, 50, null, true, null));
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }

                // then: what the threads keep is one generation's worth, sized to this snapshot, not one per snapshot
                long size = index.size();
                long bitSet = 16 + 8 * ((size + 63) / 64);
                long perThread = 24 * bitSet + 2 * (16 + size + 8);
                long kept = index.scratchBytes() - others;
                assertThat(kept).as("generation %d, %d files", generation, size).isPositive()
                        .isLessThanOrEqualTo(4 * perThread);
                assertThat(index.bytesEstimate()).as("snapshot of %d files", size).isGreaterThan(size * 100);

                // when: the library grows by a fifth
                long before = index.builds();
                insertGrooves(3_000 * generation + 1, 3_000);
                awaitTrue(() -> index.builds() > before && index.size() == size + 3_000);
            }
        } finally {
            searchers.shutdownNow();
        }
    }

    private static SearchRequest request(boolean favourite, Integer minRating,
                                         com.midicenter.persistence.search.SearchCriteria.Sort sort, boolean desc) {
        return new SearchRequest(null, null, false, null, false, null, null, null, null, null, null, null, null,
                favourite, minRating, null, sort, desc, 50, null, false, null);
    }

    private static List<Long> hits(SearchService search, SearchRequest r) {
        return search.search(r).hits().stream().map(SearchHit::contentId).toList();
    }

    private static List<Long> ids(SearchService search, String text) {
        return search.search(SearchRequest.text(text)).hits().stream().map(SearchHit::contentId).sorted().toList();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void insert(long id, String name, double bpm) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO search_doc (content_id, path, name, tsv, bpm, state,"
                     + " added_at, rhythm_print, pitch_print) VALUES (?, ?, ?, setweight(to_tsvector('simple', ?), 'A'),"
                     + " ?, 'done', now(), 1, 2)")) {
            ps.setLong(1, id);
            ps.setString(2, "/lib/" + name);
            ps.setString(3, name);
            ps.setString(4, name.replaceAll("[_.+-]+", " "));
            ps.setDouble(5, bpm);
            ps.executeUpdate();
        }
    }

    /** {@code count} analysed files "Groove N.mid" from content id {@code first}, tempos 90-149. */
    private static void insertGrooves(long first, int count) throws SQLException {
        execute("INSERT INTO search_doc (content_id, path, name, tsv, bpm, state, added_at, rhythm_print, pitch_print)"
                + " SELECT g, '/lib/Groove ' || g || '.mid', 'Groove ' || g || '.mid',"
                + " setweight(to_tsvector('simple', 'groove ' || g || ' mid'), 'A'), 90 + g % 60, 'done', now(), 1, 2"
                + " FROM generate_series(" + first + ", " + (first + count - 1) + ") g");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
