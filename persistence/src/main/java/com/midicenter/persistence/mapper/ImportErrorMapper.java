package com.midicenter.persistence.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The {@code import_error} table: the latest import failure of each path. A path that imports fine later has its
 * row deleted ({@link #deleteByPath(String)}); bulk paths of the importer may use COPY instead.
 */
public interface ImportErrorMapper {

    /**
     * Records a failure; replaces an earlier failure of the same path (its time becomes now).
     *
     * @return rows written: 1
     */
    int upsert(NewImportError error);

    /** Forgets the failure of {@code path}. @return 1 if there was one, else 0 */
    int deleteByPath(@Param("path") String path);

    /** Number of recorded failures. */
    long count();

    /** The most recent failures, newest first. @param limit 1..10000 */
    default List<ImportError> latest(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000: limit=" + limit);
        }
        return latestRows(limit);
    }

    /** The statement behind {@link #latest(int)}. */
    List<ImportError> latestRows(@Param("limit") int limit);

    /** The failures recorded by import run {@code runId}, by path; at most {@code limit} (1..10000). */
    default List<ImportError> ofRun(long runId, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000: limit=" + limit);
        }
        return ofRunRows(runId, limit);
    }

    /** The statement behind {@link #ofRun(long, int)}. */
    List<ImportError> ofRunRows(@Param("runId") long runId, @Param("limit") int limit);
}
