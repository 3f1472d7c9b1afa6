package com.midicenter.library.importing;

import com.midicenter.library.scan.MidiFileWalker;
import com.midicenter.library.scan.ScanCandidate;
import com.midicenter.persistence.importing.ArchiveRow;
import com.midicenter.persistence.importing.BatchOutcome;
import com.midicenter.persistence.importing.ImportBatchWriter;
import com.midicenter.persistence.importing.ImportErrorRow;
import com.midicenter.persistence.importing.ImportRow;
import com.midicenter.persistence.mapper.ImportRunCounts;
import com.midicenter.persistence.mapper.ImportRunStatus;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Imports folders and zip archives into the library: a bounded pipeline of
 * walk → (skip unchanged) → read/hash/parse/tag on {@code threads} workers → one writer committing batches
 * with COPY. Memory stays flat whatever the library size: every stage hands over through a bounded queue.
 *
 * <p>Incremental: files whose size and modification time are unchanged are skipped; files gone from the
 * walked folders are marked missing (only for a root whose walk completed, or which is gone itself: a library folder
 * deleted or unmounted; never for a folder that could not be read). Nothing is ever deleted. Resumable: each batch is one
 * transaction, so a killed import re-run ends with the same library a clean run makes.
 *
 * <p>Thread-safe; each {@link #run} uses its own threads and two pooled connections.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final int LOOKUP_BATCH = 1000;
    private static final Object END = new Object();

    private final DataSource dataSource;
    private final SqlSessionFactory sessions;
    private final ImportOptions options;

    public ImportService(DataSource dataSource, SqlSessionFactory sessions, ImportOptions options) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.options = options;
    }

    /**
     * Imports {@code roots}.
     *
     * @param cancel   set to true (from any thread) to stop early; what was stored stays
     * @param listener progress, called from pipeline threads
     * @throws ImportException when the database fails; batches committed before stay
     */
    public ImportResult run(List<Path> roots, AtomicBoolean cancel, ImportListener listener) {
        long start = System.nanoTime();
        List<String> rootStrings = roots.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        Counters counters = new Counters();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<Object> toWriter = new ArrayBlockingQueue<>(Math.max(256, options.batchSize() * 2));
        FileImporter importer = new FileImporter(options);

        Thread writerThread;
        long runId = -1;
        ImportResult result;
        Throwable error;
        try (ImportBatchWriter lookup = new ImportBatchWriter(dataSource, sessions);
             ImportBatchWriter writer = new ImportBatchWriter(dataSource, sessions)) {
            runId = lookup.startRun(rootStrings);
            writer.joinRun(runId);
            boolean firstImport = lookup.libraryIsEmpty();
            writerThread = new Thread(() -> writeLoop(writer, toWriter, counters, failure, stop, listener),
                    "midicenter-import-writer");
            writerThread.setDaemon(true);
            writerThread.start();

            ThreadPoolExecutor workers = new ThreadPoolExecutor(options.threads(), options.threads(), 30,
                    TimeUnit.SECONDS, new ArrayBlockingQueue<>(options.threads() * 256),
                    namedDaemons("midicenter-import-"), new ThreadPoolExecutor.CallerRunsPolicy());
            List<ScanCandidate> pending = new ArrayList<>(LOOKUP_BATCH);
            List<String> settledRoots = new ArrayList<>(); // walked completely, or gone: their unseen files are missing
            try {
                MidiFileWalker walker = new MidiFileWalker(true);
                for (int r = 0; r < roots.size(); r++) {
                    Path root = roots.get(r);
                    boolean complete = walker.walk(List.of(root),
                        candidate -> {
                            counters.found.incrementAndGet();
                            pending.add(candidate);
                            if (pending.size() >= LOOKUP_BATCH) {
                                dispatch(pending, firstImport ? null : lookup, workers, importer, toWriter, counters, failure, stop,
                                        listener);
                                pending.clear();
                            }
                        },
                        (path, reason) -> put(toWriter, new ImportErrorRow(path.toAbsolutePath().normalize().toString(),
                                "unreadable", reason, -1, -1), stop),
                        () -> stop.get() || cancel.get());
                    if (complete || isGone(root)) {
                        settledRoots.add(rootStrings.get(r));
                    }
                }
                if (!pending.isEmpty() && !stop.get() && !cancel.get()) {
                    dispatch(pending, firstImport ? null : lookup, workers, importer, toWriter, counters, failure, stop, listener);
                }
                counters.walkFinished = true;
            } finally {
                workers.shutdown();
                awaitQuietly(workers);
                put(toWriter, END, new AtomicBoolean()); // always deliver END so the writer ends
                joinQuietly(writerThread);
            }
            if (failure.get() == null && !cancel.get()) {
                for (String root : settledRoots) {
                    counters.missing.addAndGet(lookup.markMissing(root.endsWith("/") ? root : root + "/"));
                }
            }
            boolean cancelled = cancel.get() && failure.get() == null;
            result = counters.result(runId, (System.nanoTime() - start) / 1e9, cancelled);
            error = failure.get();
            try {
                lookup.finishRun(error != null ? ImportRunStatus.FAILED
                        : cancelled ? ImportRunStatus.CANCELLED : ImportRunStatus.FINISHED,
                        new ImportRunCounts(result.scanned(), result.imported(), result.duplicates(), result.unchanged(),
                                result.errors(), result.missing()));
            } catch (SQLException | RuntimeException e) {
                if (error == null) {
                    error = e;
                } else {
                    error.addSuppressed(e);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
            error = failure.get();
            result = counters.result(runId, (System.nanoTime() - start) / 1e9, false);
        }
        if (error != null) {
            throw new ImportException("import stopped: the database failed (" + rootCause(error)
                    + "); " + (result.imported() + result.duplicates()) + " files were stored; run the same import again"
                    + " to continue", error);
        }
        return result;
    }

    /**
     * Skips unchanged files and archives of one lookup batch, then hands the rest to the workers.
     *
     * @param lookup {@code null} on a first import into an empty library: nothing can be unchanged
     */
    private void dispatch(List<ScanCandidate> batch, ImportBatchWriter lookup, ThreadPoolExecutor workers,
                          FileImporter importer, BlockingQueue<Object> toWriter, Counters counters,
                          AtomicReference<Throwable> failure, AtomicBoolean stop, ImportListener listener) {
        if (stop.get()) {
            return;
        }
        Set<String> unchanged = new HashSet<>();
        if (lookup != null) {
            try {
                List<ScanCandidate> files = batch.stream().filter(c -> !c.archive()).toList();
                List<ScanCandidate> archives = batch.stream().filter(ScanCandidate::archive).toList();
                if (!files.isEmpty()) {
                    unchanged.addAll(lookup.markUnchanged(paths(files), sizes(files), mtimes(files)));
                }
                if (!archives.isEmpty()) {
                    for (ArchiveRow a : lookup.markUnchangedArchives(paths(archives), sizes(archives), mtimes(archives))) {
                        unchanged.add(a.path());
                        counters.unchanged.addAndGet(a.members());
                        counters.scanned.addAndGet(a.members());
                    }
                }
            } catch (SQLException e) {
                failure.compareAndSet(null, e);
                stop.set(true);
                return;
            }
        }
        for (ScanCandidate c : batch) {
            String path = c.path().toAbsolutePath().normalize().toString();
            if (unchanged.contains(path)) {
                if (!c.archive()) {
                    counters.unchanged.incrementAndGet();
                    counters.scanned.incrementAndGet();
                }
                counters.done.incrementAndGet();
                continue;
            }
            workers.execute(() -> {
                if (stop.get()) {
                    return;
                }
                try {
                    importer.process(c, row -> put(toWriter, row, stop));
                } catch (RuntimeException e) {
                    LOG.warn("import of {} failed unexpectedly", c.path(), e);
                    put(toWriter, new ImportErrorRow(path, "internal", "could not be imported: " + e, c.sizeBytes(),
                            c.mtimeMs()), stop);
                }
                counters.done.incrementAndGet();
            });
        }
        listener.progress(counters.found.get(), counters.done.get(), counters.walkFinished);
    }

    private void writeLoop(ImportBatchWriter writer, BlockingQueue<Object> queue, Counters counters,
                           AtomicReference<Throwable> failure, AtomicBoolean stop, ImportListener listener) {
        List<ImportRow> rows = new ArrayList<>(options.batchSize());
        List<ImportErrorRow> errors = new ArrayList<>();
        List<ArchiveRow> archives = new ArrayList<>();
        boolean ended = false;
        while (!ended) {
            Object item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                stop.set(true);
                return;
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof ImportRow r) {
                rows.add(r);
            } else if (item instanceof ImportErrorRow e) {
                errors.add(e);
            } else if (item instanceof ArchiveRow a) {
                archives.add(a);
            }
            boolean full = rows.size() + errors.size() >= options.batchSize();
            boolean idle = item == null && (!rows.isEmpty() || !errors.isEmpty() || !archives.isEmpty());
            if ((full || idle || ended) && failure.get() == null
                    && (!rows.isEmpty() || !errors.isEmpty() || !archives.isEmpty())) {
                try {
                    BatchOutcome outcome = writer.write(rows, errors, archives);
                    counters.imported.addAndGet(outcome.imported());
                    counters.duplicates.addAndGet(outcome.duplicates());
                    counters.errors.addAndGet(outcome.errors());
                    counters.scanned.addAndGet(rows.size() + errors.size());
                    listener.progress(counters.found.get(), counters.done.get(), counters.walkFinished);
                } catch (SQLException e) {
                    failure.compareAndSet(null, e);
                    stop.set(true); // producers stop; the queue is drained below until END
                }
                rows.clear();
                errors.clear();
                archives.clear();
            } else if (failure.get() != null) {
                rows.clear();
                errors.clear();
                archives.clear();
            }
        }
    }

    /** Blocks until there is room, unless the import is stopping. */
    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stop.get() && item != END) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        }
    }

    /**
     * True when the root itself is gone (deleted, renamed, its drive unmounted) while its parent folder is there: its
     * files are marked missing (never deleted). A root that is there but unreadable is not gone: nothing is marked.
     */
    private static boolean isGone(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        return java.nio.file.Files.notExists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && (parent == null || java.nio.file.Files.isDirectory(parent));
    }

    private static String[] paths(List<ScanCandidate> cs) {
        return cs.stream().map(c -> c.path().toAbsolutePath().normalize().toString()).toArray(String[]::new);
    }

    private static long[] sizes(List<ScanCandidate> cs) {
        return cs.stream().mapToLong(ScanCandidate::sizeBytes).toArray();
    }

    private static long[] mtimes(List<ScanCandidate> cs) {
        return cs.stream().mapToLong(ScanCandidate::mtimeMs).toArray();
    }

    private static void awaitQuietly(ThreadPoolExecutor pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("import: waiting for workers to finish");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static java.util.concurrent.ThreadFactory namedDaemons(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Shared counters of one run. */
    private static final class Counters {
        final AtomicLong found = new AtomicLong();
        volatile boolean walkFinished;
        final AtomicLong done = new AtomicLong();
        final AtomicLong scanned = new AtomicLong();
        final AtomicLong imported = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong missing = new AtomicLong();

        ImportResult result(long runId, double seconds, boolean cancelled) {
            return new ImportResult(runId, scanned.get(), imported.get(), duplicates.get(), unchanged.get(),
                    errors.get(), missing.get(), seconds, cancelled);
        }
    }
}
