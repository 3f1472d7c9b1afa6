package com.midicenter.library.search;

import com.midicenter.persistence.db.DatabaseConfig;
import com.midicenter.persistence.search.TagName;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link SearchIndex} of the library current: builds it on a background thread, then rebuilds it whenever
 * PostgreSQL notifies that search rows changed ({@code LISTEN midicenter_search_doc}, sent at commit by the triggers
 * of migration V6 — so every process sharing the database, importers and workers included, is heard). Rebuilds are
 * spaced at least three times their own duration apart, so a running import costs a bounded share of a core. Until the
 * first snapshot is ready {@link #current()} is {@code null} and searches run in SQL.
 *
 * <p>The keeper listens and reads (the {@code COPY} of a rebuild) on one connection of its own, outside the pool, so
 * the index never takes a connection searchers need; when the database goes away the last snapshot keeps answering
 * and the keeper reconnects every two seconds.
 */
public final class SearchIndexKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexKeeper.class);
    static final String CHANNEL = "midicenter_search_doc";

    /** Opens the listening connection. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final ConnectionOpener opener;
    private final Thread thread;
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    private volatile SearchIndex current;
    private volatile boolean closed;
    private volatile long builds;
    private volatile long lastBuildMs;
    private Connection listener;

    private SearchIndexKeeper(ConnectionOpener opener) {
        this.opener = opener;
        this.thread = new Thread(this::runLogged, "search-index");
        this.thread.setDaemon(true);
    }

    /** Starts keeping an index of the database behind {@code config} (its URL and credentials, for listening). */
    public static SearchIndexKeeper start(DatabaseConfig config) {
        return start(() -> DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password()));
    }

    /** Starts keeping an index read through the connections {@code opener} opens (one at a time). */
    public static SearchIndexKeeper start(ConnectionOpener opener) {
        SearchIndexKeeper keeper = new SearchIndexKeeper(opener);
        keeper.thread.start();
        return keeper;
    }

    /** The newest snapshot, or {@code null} before the first is built. */
    SearchIndex current() {
        return current;
    }

    /** Waits for the first snapshot; {@code true} when there is one. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return firstBuild.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && current != null;
    }

    /** Files in the current snapshot (-1 before the first). */
    public int size() {
        SearchIndex index = current;
        return index == null ? -1 : index.size;
    }

    /** Snapshots built so far. */
    public long builds() {
        return builds;
    }

    /** How long the last build took, in milliseconds. */
    public long lastBuildMs() {
        return lastBuildMs;
    }

    /** Heap held by the current snapshot, in bytes, counted from its arrays (see {@code SearchIndex.bytesEstimate}). */
    public long bytesEstimate() {
        SearchIndex index = current;
        return index == null ? 0 : index.bytesEstimate();
    }

    /** Heap held by the searching threads' reused scratch (bit sets sized to the library), in bytes. */
    public long scratchBytes() {
        return SearchIndex.scratchBytes();
    }

    private void runLogged() {
        try {
            run();
        } catch (Throwable e) { // an Error (out of memory...): searching goes on in SQL, said once
            LOG.error("search index stopped; searching in SQL from now on", e);
            current = null;
        } finally {
            firstBuild.countDown();
        }
    }

    private void run() {
        boolean dirty = true;
        long nextBuildAt = 0;
        while (!closed) {
            try {
                if (listener == null) {
                    listener = opener.open();
                    try (Statement s = listener.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                    dirty = true; // changes may have gone unheard while not listening
                }
                long now = System.currentTimeMillis();
                if (dirty && now >= nextBuildAt) {
                    dirty = false;
                    rebuild();
                    nextBuildAt = System.currentTimeMillis() + Math.max(1000, 3 * lastBuildMs);
                }
                long wait = dirty ? Math.max(10, Math.min(1000, nextBuildAt - System.currentTimeMillis())) : 1000;
                PGNotification[] notes = listener.unwrap(PGConnection.class).getNotifications((int) wait);
                if (notes != null && notes.length > 0) {
                    dirty = true;
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.warn("search index: {}; searching in SQL or the last snapshot, retrying in 2 s", e.getMessage());
                closeListener();
                firstBuild.countDown(); // nobody waits forever for a database that is away
                dirty = true;
                sleep(2000);
            }
        }
        closeListener();
    }

    /** Reads everything on the keeper's own connection: a rebuild never takes a connection searchers need. */
    private void rebuild() throws SQLException {
        long t0 = System.nanoTime();
        List<TagName> tags = new java.util.ArrayList<>();
        try (Statement s = listener.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT t.id, t.category, t.name FROM tag t ORDER BY t.id")) {
            while (rs.next()) {
                tags.add(new TagName(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
        long[] duplicates;
        try (Statement s = listener.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT md.content_id FROM musical_duplicate md"
                     + " WHERE md.content_id <> md.keeper_id ORDER BY md.content_id")) {
            java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            duplicates = ids.build().toArray();
        }
        SearchIndex index = SearchIndex.build(listener, tags, duplicates);
        current = index;
        lastBuildMs = (System.nanoTime() - t0) / 1_000_000;
        builds++;
        firstBuild.countDown();
        LOG.debug("search index: {} files in {} ms", index.size, lastBuildMs);
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debug("search index: closing the listening connection: {}", e.getMessage());
            }
            listener = null;
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops the keeper (the snapshot is dropped). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current = null;
    }
}
