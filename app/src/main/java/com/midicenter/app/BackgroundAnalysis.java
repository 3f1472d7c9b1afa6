package com.midicenter.app;

import com.midicenter.library.analysis.AnalysisListener;
import com.midicenter.library.analysis.AnalysisOptions;
import com.midicenter.library.analysis.AnalysisResult;
import com.midicenter.library.analysis.AnalysisService;
import com.midicenter.persistence.db.Database;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Analysis running beside an import ({@code import --analyze}): a polling worker with one thread picks up files as
 * their batches are stored; when the import ends, the rest is analysed with all threads and a progress bar.
 */
final class BackgroundAnalysis {

    private final Database db;
    private final AtomicBoolean cancel;
    private final AtomicBoolean stopPolling = new AtomicBoolean();
    private final AtomicReference<AnalysisResult> result = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    private BackgroundAnalysis(Database db, AtomicBoolean cancel) {
        this.db = db;
        this.cancel = cancel;
        AnalysisOptions options = AnalysisOptions.defaults().withThreads(1).withKeepPolling(true)
                .withPollInterval(java.time.Duration.ofMillis(500));
        AnalysisService service = new AnalysisService(db.dataSource(), db.sqlSessionFactory(), options);
        thread = new Thread(() -> {
            try {
                service.requeueOutdated();
                result.set(service.run(stopPolling, AnalysisListener.NONE));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "import-background-analysis");
        thread.setDaemon(true);
    }

    static BackgroundAnalysis start(Database db, AtomicBoolean cancel) {
        BackgroundAnalysis background = new BackgroundAnalysis(db, cancel);
        background.thread.start();
        return background;
    }

    /** The import ended: the background worker stores its current batch and stops. */
    void stopPolling() {
        stopPolling.set(true);
    }

    /** Waits for the background worker, then analyses what is left unless the import was cancelled. */
    AnalyzeCommand.Outcome finish() {
        stopPolling.set(true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        AnalysisResult r = result.get();
        // stopping the poller is not a cancellation: what it had claimed goes back and is done below
        AnalyzeCommand.Outcome outcome = r == null ? new AnalyzeCommand.Outcome(0, 0, 0, 0, false)
                : new AnalyzeCommand.Outcome(r.analyzed(), r.failed(), r.seconds(), r.maxBatchBytes(), false);
        if (cancel.get()) {
            return outcome;
        }
        return outcome.plus(AnalyzeCommand.run(db, AnalysisOptions.defaults(), cancel));
    }

}
