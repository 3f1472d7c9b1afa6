package com.midicenter.persistence.mapper;

import java.util.List;
import java.util.Objects;
import org.apache.ibatis.annotations.Param;

/**
 * The {@code import_run} table: one row per import command.
 *
 * <h2>Telling live runs from dead ones</h2>
 * Several processes may share one library. A process running an import holds a PostgreSQL session-level advisory
 * lock on its run ({@link #tryLockRun(long)}) on one connection (one {@code SqlSession}) for the whole run, and
 * releases it ({@link #unlockRun(long)}) in a {@code finally}. When a process dies, its connection closes and the
 * lock goes with it; {@link #markStaleAsInterrupted()} marks exactly those runs. Returning the connection to the
 * pool does <em>not</em> release the lock: always unlock.
 */
public interface ImportRunMapper {

    /** Namespace of the two-key advisory locks on import runs: 'MIDI' in ASCII. Used in the XML. */
    int RUN_LOCK_NAMESPACE = 0x4D494449;

    /**
     * Inserts a run in state {@code running}, started now.
     *
     * @param roots the folders and archives, not empty
     * @return its id
     */
    default long insert(List<String> roots) {
        Objects.requireNonNull(roots, "roots");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("roots must not be empty");
        }
        GeneratedKey key = new GeneratedKey();
        insertRow(roots, key);
        return key.id();
    }

    /** The statement behind {@link #insert(List)}; puts the new id into {@code key}. */
    void insertRow(@Param("roots") List<String> roots, @Param("key") GeneratedKey key);

    /**
     * Ends a run: sets its final status, the end time (now) and its tallies.
     *
     * @param status anything but {@link ImportRunStatus#RUNNING}
     * @return 1 if the run exists, else 0
     */
    default int finish(long id, ImportRunStatus status, ImportRunCounts counts) {
        Objects.requireNonNull(counts, "counts");
        if (status == null || status == ImportRunStatus.RUNNING) {
            throw new IllegalArgumentException("a run must finish in a final status: status=" + status);
        }
        return finishRow(id, status, counts);
    }

    /** The statement behind {@link #finish(long, ImportRunStatus, ImportRunCounts)}. */
    int finishRow(@Param("id") long id, @Param("status") ImportRunStatus status, @Param("counts") ImportRunCounts counts);

    /**
     * Marks every {@code running} run whose advisory lock nobody holds as {@code interrupted}, ended now.
     *
     * @return how many runs were marked
     */
    int markStaleAsInterrupted();

    /**
     * Takes the session-level advisory lock of run {@code id} on this session's connection, without waiting.
     *
     * @return true if taken (or already held by this session), false if another session holds it
     */
    boolean tryLockRun(@Param("id") long id);

    /**
     * Releases the lock taken by {@link #tryLockRun(long)} on this session's connection.
     *
     * @return false if this session did not hold it
     */
    boolean unlockRun(@Param("id") long id);

    /** The latest runs, newest first. @param limit 1..1000 */
    default List<ImportRun> latest(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000: limit=" + limit);
        }
        return latestRows(limit);
    }

    /** The statement behind {@link #latest(int)}. */
    List<ImportRun> latestRows(@Param("limit") int limit);
}
