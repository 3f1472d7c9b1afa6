package com.midicenter.library.analysis;

import com.midicenter.persistence.db.Database;
import com.midicenter.persistence.db.DatabaseConfig;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one polling analysis worker in its own JVM, so that a test can kill it with SIGKILL.
 * Args: url user password workerName leaseMillis batchSize pauseMillisPerBatch.
 */
public final class AnalysisChild {

    private AnalysisChild() {
    }

    public static void main(String[] args) {
        DatabaseConfig config = DatabaseConfig.of(args[0], args[1], args[2]).withPoolSize(4).withPoolName(args[3]);
        long pause = Long.parseLong(args[6]);
        try (Database db = Database.external(config)) {
            AnalysisOptions options = AnalysisOptions.defaults().withWorker(args[3]).withThreads(1)
                    .withLease(Duration.ofMillis(Long.parseLong(args[4]))).withBatchSize(Integer.parseInt(args[5]))
                    .withKeepPolling(true).withPollInterval(Duration.ofMillis(100));
            new AnalysisService(db.dataSource(), db.sqlSessionFactory(), options).run(new AtomicBoolean(),
                    (analyzed, failed, pending) -> {
                        try {
                            Thread.sleep(pause); // slow enough for the test to kill it mid-run
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }
}
