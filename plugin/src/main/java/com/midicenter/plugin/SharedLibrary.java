package com.midicenter.plugin;

import com.midicenter.library.DataFolder;
import com.midicenter.library.details.FileDetailsService;
import com.midicenter.library.jobs.AddFolder;
import com.midicenter.library.search.SearchService;
import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.EmbeddedServer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's library, shared by all plugin instances of one JVM (one per host process) and reference-counted: the
 * first {@link #acquire()} opens it in the background (the embedded database of the data folder, migrations, the
 * search index), the last {@link #release()} closes it. Opening and closing run in order on one named daemon thread,
 * so a release during the opening closes once the opening is done, and an acquire after a close opens again.
 *
 * <p>[any thread] Thread-safe; no method blocks its caller on the database.
 */
public final class SharedLibrary {

    /** System property naming the data folder for the JVM's library (tests, hosts with a sandbox). */
    public static final String HOME_PROPERTY = "midicenter.home";

    private static final Logger LOG = LoggerFactory.getLogger(SharedLibrary.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile SharedLibrary jvm;

    /**
     * An open library: what the browser of each instance works on. Valid until its last user releases it.
     *
     * @param openMillis how long opening took (database start, migrations, search index)
     */
    public record Library(Path home, Database db, SearchService search, FileDetailsService details,
                          AddFolder addFolder, long openMillis) {
        public Library {
            Objects.requireNonNull(home, "home");
        }
    }

    private final Path home;
    private final Function<Path, Library> opener;
    private final java.util.function.Consumer<Library> closer;
    private final ExecutorService thread;
    private int users;
    private CompletableFuture<Library> current;
    private int opens;

    /** The library of {@code home} started with {@code settings} (tests: their own home and binaries folder). */
    public SharedLibrary(Path home, EmbeddedServer.Settings settings) {
        this(home, h -> open(h, settings), SharedLibrary::close);
    }

    /** For tests: {@code opener} opens the library of a home, {@code closer} closes it (on the library thread). */
    SharedLibrary(Path home, Function<Path, Library> opener, java.util.function.Consumer<Library> closer) {
        this.home = DataFolder.resolve(home);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "midicenter-library-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The one library of this JVM: the data folder of {@value #HOME_PROPERTY} if set, else the user's
     * {@link DataFolder#defaultHome()} (the standalone app's library).
     */
    public static SharedLibrary jvm() {
        SharedLibrary lib = jvm;
        if (lib == null) {
            synchronized (SharedLibrary.class) {
                lib = jvm;
                if (lib == null) {
                    String property = System.getProperty(HOME_PROPERTY);
                    Path home = property != null && !property.isBlank() ? Path.of(property) : DataFolder.defaultHome();
                    lib = new SharedLibrary(home, EmbeddedServer.Settings.defaults());
                    jvm = lib;
                }
            }
        }
        return lib;
    }

    /**
     * The process is ending: closes this JVM's library if it was ever opened — at once if users are left (a host that
     * never destroyed its instances) — and waits at most {@code timeoutMillis} for the close (the embedded server
     * stops). True when nothing is left open.
     */
    static boolean shutdownJvm(long timeoutMillis) {
        SharedLibrary lib = jvm;
        if (lib == null) {
            return true;
        }
        synchronized (lib) {
            if (lib.users > 0) {
                lib.users = 1;
                lib.release();
            }
        }
        CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> { }, lib.thread);
        try {
            idle.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The data folder. */
    public Path home() {
        return home;
    }

    /**
     * One more user: the library, opened in the background by the first user. The future fails when it cannot be
     * opened (a {@link com.midicenter.persistence.StorageException}); the user still calls {@link #release()}.
     */
    public synchronized CompletableFuture<Library> acquire() {
        if (users++ == 0) {
            long t0 = System.nanoTime();
            opens++;
            current = CompletableFuture.supplyAsync(() -> {
                Library lib = opener.apply(home);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.info("[library {}] open in {} ms", home, ms);
                return new Library(lib.home(), lib.db(), lib.search(), lib.details(), lib.addFolder(), ms);
            }, thread);
        }
        return current.copy(); // a user's cancel or completion does not touch the shared one
    }

    /** One user less; the last one closes the library (after its opening, if that is still running). */
    public synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("release without acquire: users=0");
        }
        if (--users == 0) {
            CompletableFuture<Library> closing = current;
            current = null;
            thread.execute(() -> {
                Library lib = closing.exceptionally(e -> null).join(); // done: this thread opened it
                if (lib != null) {
                    closer.accept(lib);
                }
            });
        }
    }

    /** Users now. */
    public synchronized int users() {
        return users;
    }

    /** How many times the library was opened (a test's view of sharing). */
    synchronized int opens() {
        return opens;
    }

    /** For tests: waits until every open and close asked for so far has run. */
    void awaitIdle() throws InterruptedException {
        CompletableFuture<Void> marker = CompletableFuture.runAsync(() -> { }, thread);
        try {
            marker.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Library open(Path home, EmbeddedServer.Settings settings) {
        Database db = Database.embedded(home, settings, java.util.function.UnaryOperator.identity());
        try {
            db.migrate();
            SearchService search = SearchService.indexed(db);
            return new Library(home, db, search, new FileDetailsService(db.sqlSessionFactory()),
                    new AddFolder(db.dataSource(), db.sqlSessionFactory()), 0);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void close(Library lib) {
        try {
            if (lib.search() != null) {
                lib.search().close();
            }
        } catch (RuntimeException e) {
            LOG.warn("[library {}] closing the search index failed", lib.home(), e);
        }
        if (lib.db() != null) {
            try {
                lib.db().close();
            } catch (RuntimeException e) {
                LOG.warn("[library {}] closing the database failed", lib.home(), e);
            }
        }
        LOG.info("[library {}] closed", lib.home());
    }
}
