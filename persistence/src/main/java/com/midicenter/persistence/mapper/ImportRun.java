package com.midicenter.persistence.mapper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code import_run}.
 *
 * @param id         key
 * @param roots      the folders and archives the run imports
 * @param status     state
 * @param startedAt  start
 * @param finishedAt end; null while running
 * @param counts     tallies (all 0 until the run finishes)
 */
public record ImportRun(long id, List<String> roots, ImportRunStatus status, Instant startedAt, Instant finishedAt, ImportRunCounts counts) {

    public ImportRun {
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(counts, "counts");
    }

    /** The constructor MyBatis maps a row with; the tallies are separate columns. */
    public ImportRun(long id, List<String> roots, ImportRunStatus status, Instant startedAt, Instant finishedAt, long scanned,
                     long imported, long duplicates, long unchanged, long errors, long missing) {
        this(id, roots, status, startedAt, finishedAt, new ImportRunCounts(scanned, imported, duplicates, unchanged, errors, missing));
    }
}
