package com.midicenter.library.jobs;

import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.library.importing.ImportOptions;
import com.midicenter.library.importing.ImportResult;
import com.midicenter.library.importing.ImportService;
import com.midicenter.persistence.analysis.AnalysisQueue;
import com.midicenter.persistence.analysis.FailedFile;
import com.midicenter.persistence.analysis.QueueCounts;
import com.midicenter.persistence.mapper.ImportError;
import com.midicenter.persistence.mapper.ImportErrorMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * "Add folder…": imports a folder into the library, then analyses what is not analysed yet, reporting progress and
 * the files that failed (unreadable at import, or failed analysis) with their reasons. The browser window's library
 * action; the same services as {@code import} and {@code analyze}, so a cancelled or killed run is resumed by the next
 * one (unchanged files are skipped, pending analysis jobs stay queued).
 *
 * <p>[any thread] Thread-safe; {@link #run} blocks the calling thread (never the EDT).
 */
public final class AddFolder {

    /** Failures listed at most (the counts stay exact). */
    public static final int MAX_FAILURES_LISTED = 1_000;

    /** The two steps of a run. */
    public enum Phase { IMPORT, ANALYSIS }

    /** Progress of a run. [any thread] Called from the job's threads. */
    @FunctionalInterface
    public interface Progress {

        /**
         * @param phase the step running
         * @param done  files finished in this step
         * @param total files to do in this step so far ({@code -1} while still unknown)
         */
        void update(Phase phase, long done, long total);
    }

    /** A file that could not be imported or analysed, and why, in the words stored with it. */
    public record Failure(String path, String reason) {
    }

    /**
     * The end of a run.
     *
     * @param imported       the import's counts
     * @param analysed       files analysed by this run (in the whole library: other folders' pending files too)
     * @param analysisFailed files whose analysis failed in this run
     * @param cancelled      stopped before the end (what was stored stays; run again to continue)
     * @param failures       failures under the folder, at most {@link #MAX_FAILURES_LISTED}
     */
    public record Outcome(ImportResult imported, long analysed, long analysisFailed, boolean cancelled,
                          List<Failure> failures) {

        public Outcome {
            failures = List.copyOf(failures);
        }
    }

    /**
     * The library's size for a status bar.
     *
     * @param files    distinct contents in the library
     * @param analysis the analysis queue (pending + running = still to analyse, by any process)
     */
    public record LibraryStatus(long files, QueueCounts analysis) {

        /** Files still to analyse. */
        public long analysing() {
            return analysis.pending() + analysis.running();
        }
    }

    private final DataSource dataSource;
    private final SqlSessionFactory sessions;
    private final ImportOptions importOptions;
    private final AnalysisOptions analysisOptions;

    public AddFolder(DataSource dataSource, SqlSessionFactory sessions) {
        this(dataSource, sessions, ImportOptions.defaults(), AnalysisOptions.defaults());
    }

    public AddFolder(DataSource dataSource, SqlSessionFactory sessions, ImportOptions importOptions,
                     AnalysisOptions analysisOptions) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.importOptions = importOptions;
        this.analysisOptions = analysisOptions;
    }

    /**
     * Imports {@code folder} and analyses the library's pending files.
     *
     * @throws IllegalArgumentException when {@code folder} is not a readable folder (the message says which)
     * @throws com.midicenter.library.importing.ImportException   when the database fails during the import
     * @throws com.midicenter.library.analysis.AnalysisException when it fails during the analysis
     */
    public Outcome run(Path folder, AtomicBoolean cancel, Progress progress) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Not a folder: " + root);
        }
        if (!Files.isReadable(root)) {
            throw new IllegalArgumentException("No permission to read the folder " + root);
        }
        progress.update(Phase.IMPORT, 0, -1);
        ImportResult imported = new ImportService(dataSource, sessions, importOptions)
                .run(List.of(root), cancel, (found, done, walked) -> progress.update(Phase.IMPORT, done,
                        walked ? found : -1));
        long analysed = 0;
        long analysisFailed = 0;
        boolean cancelled = imported.cancelled() || cancel.get();
        if (!cancelled) {
            AnalysisService analysis = new AnalysisService(dataSource, sessions, analysisOptions);
            analysis.requeueOutdated();
            long total = analysis.outstanding();
            progress.update(Phase.ANALYSIS, 0, total);
            AnalysisResult result = analysis.run(cancel,
                    (done, failed, pending) -> progress.update(Phase.ANALYSIS, done + failed,
                            Math.max(total, done + failed)));
            analysed = result.analyzed();
            analysisFailed = result.failed();
            cancelled = result.cancelled() || cancel.get();
        }
        return new Outcome(imported, analysed, analysisFailed, cancelled, failures(imported.runId(), root));
    }

    private List<Failure> failures(long runId, Path root) {
        List<Failure> out = new ArrayList<>();
        try (SqlSession session = sessions.openSession(true)) {
            for (ImportError e : session.getMapper(ImportErrorMapper.class).ofRun(runId, MAX_FAILURES_LISTED)) {
                out.add(new Failure(e.path(), e.reason()));
            }
        }
        int room = MAX_FAILURES_LISTED - out.size();
        if (room > 0) {
            String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
            for (FailedFile f : queue().failedUnder(prefix, room)) {
                out.add(new Failure(f.path(), f.reason()));
            }
        }
        return out;
    }

    /** [any thread] Files in the library (each has one analysis job) and the analysis queue's counts. */
    public LibraryStatus status() {
        QueueCounts counts = queue().counts();
        return new LibraryStatus(counts.total(), counts);
    }

    private AnalysisQueue queue() {
        return new AnalysisQueue(sessions, "add-folder", 120);
    }
}
