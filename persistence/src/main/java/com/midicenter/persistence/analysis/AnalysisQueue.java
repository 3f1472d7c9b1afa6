package com.midicenter.persistence.analysis;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.List;
import java.util.Objects;

/**
 * The analysis work queue as one worker sees it: claims pending jobs with a lease, gives back expired or unfinished
 * leases, and counts. Each call is its own short transaction on a pooled connection; thread-safe.
 *
 * <p>A worker whose process dies loses its liveness lock with its database session (see {@link AnalysisWriter}); any
 * worker's {@link #expireLeases()} then returns its jobs to pending at once. A worker that hangs, or a machine cut off
 * with its connection still open, keeps its leases until they expire: its files are delayed by one lease, none lost.
 */
public final class AnalysisQueue {

    private final SqlSessionFactory sessions;
    private final String worker;
    private final double leaseSeconds;

    /**
     * @param sessions     MyBatis with {@link AnalysisMapper} registered
     * @param worker       this worker's name, unique among the workers (host, pid and a counter)
     * @param leaseSeconds how long a claim lasts without its results being written
     */
    public AnalysisQueue(SqlSessionFactory sessions, String worker, double leaseSeconds) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.worker = Objects.requireNonNull(worker, "worker");
        if (!(leaseSeconds > 0)) {
            throw new IllegalArgumentException("leaseSeconds=" + leaseSeconds);
        }
        this.leaseSeconds = leaseSeconds;
    }

    public String worker() {
        return worker;
    }

    /** Up to {@code limit} pending jobs, now leased to this worker. Empty when nothing is pending. */
    public List<ClaimedJob> claim(int limit) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).claim(worker, limit, leaseSeconds);
        }
    }

    /** Returns jobs whose lease ran out (a crashed or stuck worker) to pending; how many. */
    public int expireLeases() {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).expireLeases();
        }
    }

    /** Queues again what an older analyser version did; how many. */
    public int requeueOlderThan(int version) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).requeueOlderThan(version);
        }
    }

    /** Gives this worker's unfinished jobs back to pending (a cancelled run); how many. */
    public int release() {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).release(worker);
        }
    }

    public QueueCounts counts() {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).counts();
        }
    }

    /** Files under the folder {@code prefix} (ending in the separator) whose analysis failed, by path. */
    public java.util.List<FailedFile> failedUnder(String prefix, int limit) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(AnalysisMapper.class).failedUnder(prefix, limit);
        }
    }
}
