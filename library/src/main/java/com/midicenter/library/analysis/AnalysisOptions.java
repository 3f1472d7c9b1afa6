package com.midicenter.library.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * How an analysis run works.
 *
 * @param threads      analysis threads; each holds at most one batch of results and one file at a time
 * @param batchSize    jobs claimed and stored together (one transaction)
 * @param lease        how long a claim lasts; a worker that dies holds its jobs this long
 * @param worker       this worker's name in the queue
 * @param keepPolling  false: stop when nothing is pending ({@code analyze}); true: wait for new work until cancelled
 *                     ({@code worker})
 * @param pollInterval how often an idle worker looks for new or expired work
 * @param maxFileBytes files larger than this are failed, not read
 */
public record AnalysisOptions(int threads, int batchSize, Duration lease, String worker, boolean keepPolling,
                              Duration pollInterval, long maxFileBytes) {

    public AnalysisOptions {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (threads < 1 || batchSize < 1 || lease.isNegative() || lease.isZero() || maxFileBytes < 1) {
            throw new IllegalArgumentException("threads=" + threads + " batchSize=" + batchSize + " lease=" + lease
                    + " maxFileBytes=" + maxFileBytes);
        }
    }

    /** One thread per core, 500 files per batch, 2-minute leases, stop when done. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Runtime.getRuntime().availableProcessors(), 500, Duration.ofMinutes(2),
                defaultWorkerName(), false, Duration.ofSeconds(2), 128L << 20);
    }

    /** host:pid, unique among the workers of one database. */
    public static String defaultWorkerName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    public AnalysisOptions withThreads(int n) {
        return new AnalysisOptions(n, batchSize, lease, worker, keepPolling, pollInterval, maxFileBytes);
    }

    public AnalysisOptions withBatchSize(int n) {
        return new AnalysisOptions(threads, n, lease, worker, keepPolling, pollInterval, maxFileBytes);
    }

    public AnalysisOptions withLease(Duration d) {
        return new AnalysisOptions(threads, batchSize, d, worker, keepPolling, pollInterval, maxFileBytes);
    }

    public AnalysisOptions withWorker(String name) {
        return new AnalysisOptions(threads, batchSize, lease, name, keepPolling, pollInterval, maxFileBytes);
    }

    public AnalysisOptions withKeepPolling(boolean poll) {
        return new AnalysisOptions(threads, batchSize, lease, worker, poll, pollInterval, maxFileBytes);
    }

    public AnalysisOptions withPollInterval(Duration d) {
        return new AnalysisOptions(threads, batchSize, lease, worker, keepPolling, d, maxFileBytes);
    }
}
